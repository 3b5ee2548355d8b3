/**
 * The questions the comparison asks, each in three forms: our API's GraphQL, the Neo4j GraphQL Library's GraphQL
 * (over bench/compare/libraryTypeDefs.ts) and one hand-written Cypher statement (the floor). Each form comes with
 * a function that takes its response to one canonical shape, so the answers can be compared before timing.
 */
/**
 * An answer as the canonical functions walk it: the three servers answer in shapes that differ by design, each
 * function reads its own, and canonicalJson compares what they return.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose type for answers; see above
export type Json = any;

/** The ids a graph's questions are asked about. */
export interface Roots {
  /** The company of the company card. */
  company: string;
  /** The company whose partnerships are listed. */
  partner: string;
  /** The stage whose first 50 companies are traversed four levels deep. */
  stage: string;
  /** The service whose upstream is walked. */
  service: string;
}

export interface ComparedQuery {
  name: string;
  title: string;
  /** Our API: the operation, its variables, and its answer in canonical shape. */
  ours: { query: string; variables: (roots: Roots) => Record<string, unknown>; canonical: (data: Json) => Json };
  /** The Neo4j GraphQL Library; absent where its generated API has no equivalent (`missing` says why). */
  library?: { query: string; variables: (roots: Roots) => Record<string, unknown>; canonical: (data: Json) => Json };
  missing?: string;
  /** The floor: one Cypher statement whose rows have one column each; the floor server returns them as a JSON list. */
  floor: { cypher: string; params: (roots: Roots) => Record<string, unknown>; canonical: (rows: Json[]) => Json };
  /** Whether the top-level list's order is part of the answer (nested lists are compared as sets). */
  ordered: boolean;
}

const companyCard: ComparedQuery = {
  name: 'company-card',
  title: 'a company card with its models and services',
  ours: {
    query: `query CompanyCard($id: ID!) {
  company(id: $id) { id name nameKo country models { id name parameters } services { id name nameKo } }
}`,
    variables: (roots) => ({ id: roots.company }),
    canonical: (data) => data.company,
  },
  library: {
    query: `query CompanyCard($id: ID!) {
  companies(where: { id: { eq: $id } }) {
    id name nameKo country models { id name parameters } services { id name nameKo }
  }
}`,
    variables: (roots) => ({ id: roots.company }),
    canonical: (data) => data.companies[0] ?? null,
  },
  floor: {
    cypher: `MATCH (c:Company {id: $id})
RETURN c { .id, .name, .nameKo, .country,
  models: COLLECT { MATCH (c)-[:DEVELOPS]->(m:FoundationModel)
    RETURN m { .id, .name, .parameters } ORDER BY m.name, m.id },
  services: COLLECT { MATCH (c)-[:PROVIDES]->(s:Service)
    RETURN s { .id, .name, .nameKo } ORDER BY s.name, s.id } } AS company`,
    params: (roots) => ({ id: roots.company }),
    canonical: (rows) => rows[0] ?? null,
  },
  ordered: false,
};

const largestModels: ComparedQuery = {
  name: 'largest-models',
  title: 'the 20 largest models (of disclosed size) with developers and services',
  ours: {
    query: `query LargestModels {
  models(filter: { minParameters: 0 }, orderBy: PARAMETERS_DESC, first: 20) {
    nodes { id name parameters developers { id name } services { id name } }
  }
}`,
    variables: () => ({}),
    canonical: (data) => data.models.nodes,
  },
  library: {
    query: `query LargestModels {
  foundationModels(
    where: { parameters: { gte: 0 } }
    sort: [{ parameters: DESC }, { name: ASC }, { id: ASC }]
    limit: 20
  ) {
    id name parameters developers { id name } services { id name }
  }
}`,
    variables: () => ({}),
    canonical: (data) => data.foundationModels,
  },
  floor: {
    cypher: `MATCH (m:FoundationModel) WHERE m.parameters >= 0
WITH m ORDER BY m.parameters DESC, m.name, m.id LIMIT 20
RETURN m { .id, .name, .parameters,
  developers: COLLECT { MATCH (c:Company)-[:DEVELOPS]->(m) RETURN c { .id, .name } ORDER BY c.name, c.id },
  services: COLLECT { MATCH (s:Service)-[:BUILT_ON]->(m) RETURN s { .id, .name } ORDER BY s.name, s.id } } AS model`,
    params: () => ({}),
    canonical: (rows) => rows,
  },
  ordered: true,
};

const partnerships: ComparedQuery = {
  name: 'partnerships',
  title: 'all partnerships of one company, with their parties',
  ours: {
    query: `query Partnerships($id: ID!) {
  partnerships(filter: { company: $id }, first: 100) {
    nodes { id name partnershipKind announcedOn valueUsd parties { role company { id name } } }
  }
}`,
    variables: (roots) => ({ id: roots.partner }),
    canonical: (data) =>
      data.partnerships.nodes.map(({ partnershipKind, ...deal }: Json) => ({ ...deal, kind: partnershipKind })),
  },
  library: {
    query: `query Partnerships($id: ID!) {
  partnerships(
    where: { parties: { some: { id: { eq: $id } } } }
    sort: [{ announcedOn: ASC }, { name: ASC }, { id: ASC }]
    limit: 100
  ) {
    id name kind announcedOn valueUsd partiesConnection { edges { properties { role } node { id name } } }
  }
}`,
    variables: (roots) => ({ id: roots.partner }),
    canonical: (data) =>
      data.partnerships.map(({ partiesConnection, ...deal }: Json) => ({
        ...deal,
        parties: partiesConnection.edges.map((edge: Json) => ({ role: edge.properties.role, company: edge.node })),
      })),
  },
  floor: {
    cypher: `MATCH (:Company {id: $id})-[:PARTY_TO]->(p:Partnership)
WITH DISTINCT p ORDER BY p.announcedOn, p.name, p.id LIMIT 100
RETURN p { .id, .name, .kind, .announcedOn, .valueUsd,
  parties: COLLECT { MATCH (c:Company)-[r:PARTY_TO]->(p)
    RETURN { role: r.role, company: c { .id, .name } } ORDER BY c.name, c.id } } AS partnership`,
    params: (roots) => ({ id: roots.partner }),
    canonical: (rows) => rows,
  },
  ordered: true,
};

const nested: ComparedQuery = {
  name: 'nested-4-levels',
  title:
    'the first 50 companies of a stage, 4 levels deep ' +
    '(companies, their models, services built on them, their providers)',
  ours: {
    query: `query Nested($stage: ID!) {
  companies(filter: { stage: $stage }, first: 50) {
    nodes { id name models { id name services { id name providers { id name } } } }
  }
}`,
    variables: (roots) => ({ stage: roots.stage }),
    canonical: (data) => data.companies.nodes,
  },
  library: {
    query: `query Nested($stage: ID!) {
  companies(where: { stages: { some: { id: { eq: $stage } } } }, sort: [{ name: ASC }, { id: ASC }], limit: 50) {
    id name models { id name services { id name providers { id name } } }
  }
}`,
    variables: (roots) => ({ stage: roots.stage }),
    canonical: (data) => data.companies,
  },
  floor: {
    cypher: `MATCH (c:Company) WHERE EXISTS { (c)-[:PARTICIPATES_IN]->(:ValueChainStage {id: $stage}) }
WITH c ORDER BY c.name, c.id LIMIT 50
RETURN c { .id, .name,
  models: COLLECT { MATCH (c)-[:DEVELOPS]->(m:FoundationModel) RETURN m { .id, .name,
    services: COLLECT { MATCH (s:Service)-[:BUILT_ON]->(m) RETURN s { .id, .name,
      providers: COLLECT { MATCH (p:Company)-[:PROVIDES]->(s) RETURN p { .id, .name } ORDER BY p.name, p.id }
    } ORDER BY s.name, s.id }
  } ORDER BY m.name, m.id } } AS company`,
    params: (roots) => ({ stage: roots.stage }),
    canonical: (rows) => rows,
  },
  ordered: true,
};

const upstream: ComparedQuery = {
  name: 'upstream',
  title: 'the upstream of a service (everything it depends on, with distances)',
  ours: {
    query: `query Upstream($id: ID!) {
  upstream(of: $id) { nodes { distance entity { id name } } }
}`,
    variables: (roots) => ({ id: roots.service }),
    canonical: (data) => data.upstream.nodes,
  },
  missing:
    'the generated API has no transitive walk: a variable-length, shortest-distance traversal needs ' +
    'a hand-written @cypher field, which would be the floor statement itself',
  floor: {
    cypher: `MATCH (root:Entity {id: $id})
MATCH p = ANY SHORTEST (root)-[:DEPENDS_ON]->{1,6}(n)
WHERE n <> root
RETURN { distance: length(p), entity: n { .id, .name } } AS node
ORDER BY length(p), n.name, n.id`,
    params: (roots) => ({ id: roots.service }),
    canonical: (rows) => rows,
  },
  ordered: false,
};

/** Every compared query, in the order they are measured. */
export const COMPARED_QUERIES: readonly ComparedQuery[] = [companyCard, largestModels, partnerships, nested, upstream];
