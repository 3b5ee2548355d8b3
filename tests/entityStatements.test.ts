import { execute, parse } from 'graphql';
import { COMPARED_QUERIES, type Roots } from '../bench/compare/comparedQueries';
import { SnapshotCache } from '../src/analytics/snapshotCache';
import type { Params, QueryRunner, Row } from '../src/db/queryRunner';
import { buildSchema } from '../src/graphql/buildSchema';
import { createContext } from '../src/graphql/context';
import { listStatement, type ListQuestion } from '../src/repositories/entities/listStatement';
import type { RelationPlan } from '../src/repositories/entities/relationPlan';
import { RELATIONS } from '../src/repositories/entities/relations';
import { StatementCache } from '../src/repositories/entities/statementCache';

const plan: RelationPlan = {
  properties: ['id', 'name'],
  nested: [{ key: 'developers', name: 'FoundationModel.developers', plan: { properties: ['id'], nested: [] } }],
};
const byName: ListQuestion = { given: [], order: 'NAME', plan, withTotal: false };
const largest: ListQuestion = { ...byName, order: 'PARAMETERS_DESC' };

describe('list statements', () => {
  it('keep only the filters given', () => {
    const text = listStatement('models', { ...largest, given: ['minParameters'] });
    expect(text).toContain('n.parameters >= $minParameters');
    for (const parameter of ['$developer', '$access', '$releasedFrom', '$releasedTo'])
      expect(text).not.toContain(parameter);
    const all = listStatement('models', {
      ...largest,
      given: ['developer', 'access', 'minParameters', 'releasedFrom', 'releasedTo'],
    });
    for (const parameter of ['$developer', '$access', '$minParameters', '$releasedFrom', '$releasedTo'])
      expect(all).toContain(parameter);
  });

  it('anchor a partnership list on its company when one is given', () => {
    expect(listStatement('partnerships', { ...byName, given: ['company'] })).toContain(
      'MATCH (:Company { id: $company })-[:PARTY_TO]->(n)',
    );
    expect(listStatement('partnerships', byName)).not.toContain('PARTY_TO');
  });

  it('count every match only when totalCount is read, and cut the page while ordering', () => {
    const counted = listStatement('companies', { ...byName, withTotal: true });
    const uncounted = listStatement('companies', byName);
    expect(counted).toContain('count(DISTINCT n) AS total');
    expect(uncounted).not.toContain('count(');
    expect(uncounted).toContain('RETURN NULL AS total');
    for (const text of [counted, uncounted])
      expect(text).toMatch(/ORDER BY n\.name ASC, n\.id ASC\s+SKIP \$skip\s+LIMIT \$limit/);
  });

  it('leave out the nulls-last key when a filter given excludes nulls', () => {
    expect(listStatement('models', largest)).toContain('ORDER BY n.parameters IS NULL ASC, n.parameters DESC');
    expect(listStatement('models', { ...largest, given: ['minParameters'] })).toContain(
      'ORDER BY n.parameters DESC, n.name ASC, n.id ASC',
    );
  });

  it('read relationship properties only where the API serves them (a party its role)', () => {
    const parties: RelationPlan = {
      properties: ['id'],
      nested: [{ key: 'parties', name: 'Partnership.parties', plan: { properties: ['id', 'name'], nested: [] } }],
    };
    expect(listStatement('partnerships', { ...byName, plan: parties })).toContain(
      'RETURN m1 { .id, .name, __rel: r1 { .role } }',
    );
    expect(RELATIONS['Company.partnerships'].properties).toEqual([]);
    expect(listStatement('models', byName)).not.toContain('__rel');
  });

  it('drop duplicates only where a pattern can meet an entity twice', () => {
    expect(listStatement('models', { ...largest, given: ['minParameters'] })).toMatch(/WITH n\s+ORDER BY/);
    expect(listStatement('models', { ...largest, given: ['developer'] })).toMatch(/WITH DISTINCT n\s+ORDER BY/);
  });

  it('give the same text for the same shape, whatever order the filters come in', () => {
    expect(listStatement('services', { ...byName, given: ['model', 'provider'] })).toBe(
      listStatement('services', { ...byName, given: ['provider', 'model'] }),
    );
  });

  it('refuse a planned property that would take the place of an entry of their own', () => {
    expect(() => listStatement('models', { ...byName, plan: { properties: ['__n0'], nested: [] } })).toThrow(
      'not a property name: __n0',
    );
  });
});

describe('the statement cache', () => {
  it('keeps the most recently used texts up to its size', () => {
    const cache = new StatementCache(2);
    const made: string[] = [];
    const get = (key: string) => cache.get(key, () => (made.push(key), `text of ${key}`));
    expect([get('a'), get('b'), get('a'), get('c'), get('a'), get('b')]).toEqual([
      'text of a',
      'text of b',
      'text of a',
      'text of c',
      'text of a',
      'text of b',
    ]);
    // b was the least recently used when c came, so it is made again; a stayed.
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });
});

/** A runner that answers every read with no rows and keeps the statements sent, with their parameters as numbers. */
function recordingRunner() {
  const sent: { cypher: string; params: Params }[] = [];
  const runner = {
    queryTimeoutMs: 5000,
    read: async (cypher: string, params: Params = {}): Promise<Row[]> => {
      const plain = Object.entries(params).map(([key, value]) => [
        key,
        typeof (value as { toNumber?: unknown })?.toNumber === 'function'
          ? (value as { toNumber(): number }).toNumber()
          : value,
      ]);
      sent.push({ cypher, params: Object.fromEntries(plain) });
      return [];
    },
    // A request's repositories use the runner scoped to its operation: the same recorder.
    scoped: () => runner,
  };
  return { runner: runner as unknown as QueryRunner, sent };
}

const ROOTS: Roots = { company: 'openai', partner: 'microsoft', stage: 'model-training', service: 'askup' };

/** The one statement our API sends for an operation, run through the schema with a recording runner. */
async function statementOfOperation(operation: string, variables: Record<string, unknown> = {}) {
  const { runner, sent } = recordingRunner();
  const result = await execute({
    schema: buildSchema(),
    document: parse(operation),
    variableValues: variables,
    contextValue: createContext(runner, new SnapshotCache(0)),
  });
  expect(result.errors).toBeUndefined();
  expect(sent).toHaveLength(1);
  return sent[0];
}

/** The one statement our API sends for the compared query `name` of `npm run bench`. */
function statementOf(name: string) {
  const query = COMPARED_QUERIES.find((compared) => compared.name === name)!;
  return statementOfOperation(query.ours.query, query.ours.variables(ROOTS));
}

describe('root lookups of one operation', () => {
  it('share one statement, a UNION ALL branch per label and plan', async () => {
    const sent = await statementOfOperation(
      '{ a: company(id: "openai") { name } b: company(id: "google") { name } model(id: "gpt-4") { id } }',
    );
    expect(sent).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       UNWIND $ids0 AS id
       MATCH (m:Company { id: id })
       RETURN 0 AS relation, id, [m { .id, .name }] AS related
       UNION ALL
       UNWIND $ids1 AS id
       MATCH (m:FoundationModel { id: id })
       RETURN 1 AS relation, id, [m { .id }] AS related
     }
     RETURN relation, id, related",
       "params": {
         "ids0": [
           "openai",
           "google",
         ],
         "ids1": [
           "gpt-4",
         ],
       },
     }
    `);
  });
});

describe('the statements of the benchmark questions', () => {
  it('company-card', async () => {
    expect(await statementOf('company-card')).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $ids0 AS id
     MATCH (m:Company { id: id })
     RETURN 0 AS relation, id, [m { .country, .id, .name, .nameKo, __n0: COLLECT {
       MATCH (m)-[r1:DEVELOPS]->(m1:FoundationModel)
       WITH r1, m1
       ORDER BY m1.name ASC, m1.id ASC
       LIMIT 10000
       RETURN m1 { .id, .name, .parameters }
     }, __n1: COLLECT {
       MATCH (m)-[r1:PROVIDES]->(m1:Service)
       WITH r1, m1
       ORDER BY m1.name ASC, m1.id ASC
       LIMIT 10000
       RETURN m1 { .id, .name, .nameKo }
     } }] AS related",
       "params": {
         "ids0": [
           "openai",
         ],
       },
     }
    `);
  });

  it('largest-models', async () => {
    expect(await statementOf('largest-models')).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (n:FoundationModel)
     WHERE n.parameters >= $minParameters
     WITH n
     ORDER BY n.parameters DESC, n.name ASC, n.id ASC
     SKIP $skip
     LIMIT $limit
     RETURN NULL AS total, n { .id, .name, .parameters, __n0: COLLECT {
       MATCH (n)<-[r1:DEVELOPS]-(m1:Company)
       WITH r1, m1
       ORDER BY m1.name ASC, m1.id ASC
       LIMIT 10000
       RETURN m1 { .id, .name }
     }, __n1: COLLECT {
       MATCH (n)<-[r1:BUILT_ON]-(m1:Service)
       WITH r1, m1
       ORDER BY m1.name ASC, m1.id ASC
       LIMIT 10000
       RETURN m1 { .id, .name }
     } } AS node",
       "params": {
         "limit": 21,
         "minParameters": 0,
         "skip": 0,
       },
     }
    `);
  });

  it('partnerships', async () => {
    expect(await statementOf('partnerships')).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (n:Partnership)
     MATCH (:Company { id: $company })-[:PARTY_TO]->(n)
     WITH DISTINCT n
     ORDER BY n.announcedOn IS NULL ASC, n.announcedOn ASC, n.name ASC, n.id ASC
     SKIP $skip
     LIMIT $limit
     RETURN NULL AS total, n { .announcedOn, .id, .kind, .name, .valueUsd, __n0: COLLECT {
       MATCH (n)<-[r1:PARTY_TO]-(m1:Company)
       WITH r1, m1
       ORDER BY m1.name ASC, m1.id ASC
       LIMIT 10000
       RETURN m1 { .id, .name, __rel: r1 { .role } }
     } } AS node",
       "params": {
         "company": "microsoft",
         "limit": 101,
         "skip": 0,
       },
     }
    `);
  });

  it('nested-4-levels', async () => {
    expect(await statementOf('nested-4-levels')).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (n:Company)
     MATCH (n)-[:PARTICIPATES_IN]->(:ValueChainStage { id: $stage })
     WITH DISTINCT n
     ORDER BY n.name ASC, n.id ASC
     SKIP $skip
     LIMIT $limit
     RETURN NULL AS total, n { .id, .name, __n0: COLLECT {
       MATCH (n)-[r1:DEVELOPS]->(m1:FoundationModel)
       WITH r1, m1
       ORDER BY m1.name ASC, m1.id ASC
       LIMIT 10000
       RETURN m1 { .id, .name, __n0: COLLECT {
         MATCH (m1)<-[r2:BUILT_ON]-(m2:Service)
         WITH r2, m2
         ORDER BY m2.name ASC, m2.id ASC
         LIMIT 10000
         RETURN m2 { .id, .name, __n0: COLLECT {
           MATCH (m2)<-[r3:PROVIDES]-(m3:Company)
           WITH r3, m3
           ORDER BY m3.name ASC, m3.id ASC
           LIMIT 10000
           RETURN m3 { .id, .name }
         } }
       } }
     } } AS node",
       "params": {
         "limit": 51,
         "skip": 0,
         "stage": "model-training",
       },
     }
    `);
  });
});
