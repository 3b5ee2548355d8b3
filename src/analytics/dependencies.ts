/**
 * Dependency semantics: "A depends on B" edges, always from the dependent to what it depends on.
 * They are derived from the facts (see cypher/dependencies/derive.cypher) and stored as
 * (a)-[:DEPENDS_ON {relation}]->(b), the only edges the dependency analytics walk.
 */

export const DEPENDENCY_RELATIONS = [
  'BUILT_ON',
  'PROVIDED_BY',
  'DEVELOPED_BY',
  'ADOPTS',
  'INVESTED_BY',
  'LICENSED_FROM',
  'SUPPLIED_BY',
  'HOSTED_BY',
  'OWNED_BY',
] as const;

export type DependencyRelation = (typeof DEPENDENCY_RELATIONS)[number];

/** Partnerships that make one party depend on another: the dependent role, the role it depends on, and the relation. */
export const PARTNERSHIP_DEPENDENCIES = [
  { kind: 'INVESTMENT', dependent: 'investee', dependency: 'investor', relation: 'INVESTED_BY' },
  { kind: 'LICENSING', dependent: 'licensee', dependency: 'licensor', relation: 'LICENSED_FROM' },
  { kind: 'SUPPLY', dependent: 'customer', dependency: 'supplier', relation: 'SUPPLIED_BY' },
  { kind: 'CLOUD', dependent: 'customer', dependency: 'supplier', relation: 'HOSTED_BY' },
  { kind: 'ACQUISITION', dependent: 'acquired', dependency: 'acquirer', relation: 'OWNED_BY' },
] as const satisfies readonly { kind: string; dependent: string; dependency: string; relation: DependencyRelation }[];

/** Partnership kinds that merge their parties into one bloc for concentration by BLOC. */
export const BLOC_KINDS = ['INVESTMENT', 'ACQUISITION', 'LICENSING'] as const;
