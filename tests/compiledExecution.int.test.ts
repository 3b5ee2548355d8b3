import { startSeededServer, startTestServer } from './support/graphqlClient';

/**
 * Compiled execution (graphql-jit, the default) and graphql-js's interpreter serve the same seeded Neo4j through
 * two servers; every operation here must get the same status and body from both (the Cypher trace aside).
 */
let compiled: Awaited<ReturnType<typeof startSeededServer>>;
let interpreted: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  compiled = await startSeededServer({ compiledExecution: true });
  interpreted = await startTestServer(compiled.runner, { compiledExecution: false });
}, 120_000);

afterAll(async () => {
  await interpreted?.close();
  await compiled?.close();
}, 60_000);

/** What an operation must give on both servers: data without errors, or an error with this code first. */
type Outcome = 'data' | string;

const OPERATIONS: [string, Outcome, string, Record<string, unknown>][] = [
  [
    'a connection ordered, with nested lists',
    'data',
    `query LargestModels {
      models(orderBy: PARAMETERS_DESC, first: 10) {
        totalCount
        nodes { id name parameters parametersNote releasedOn developers { name country } }
      }
    }`,
    {},
  ],
  [
    'a page after a cursor, from variables',
    'data',
    `query Page($first: Int!, $after: String) {
      companies(first: $first, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } }
    }`,
    { first: 3, after: null },
  ],
  [
    'the dependency graph downstream of a company',
    'data',
    '{ downstream(of: "openai") { nodes { distance entity { id kind name } } steps { from to relation } } }',
    {},
  ],
  [
    'concentration by bloc',
    'data',
    `{ concentration(measure: MODELS, groupBy: BLOC) {
      total hhi cr1 cr4 level shares { key label value share members { id name } } } }`,
    {},
  ],
  [
    'dependency paths',
    'data',
    `{ dependencyPaths(from: "askup", to: "nvidia", first: 3) {
      length entities { id kind name } steps { from to relation relations } } }`,
    {},
  ],
  [
    'a partnership network',
    'data',
    `{ partnershipNetwork(companies: ["microsoft"]) {
      nodes { id label kind group size } edges { id source target partnershipKind announcedOn weight } } }`,
    {},
  ],
  [
    'systemic importance and a removal',
    'data',
    `{ systemicImportance(first: 5) { rank company { id name } dependentServices betweenness }
       removalImpact(id: "nvidia") { removed { id name } singleSourcedServices { id name } } }`,
    {},
  ],
  [
    'a search with a default variable',
    'data',
    'query KoreanSearch($text: String! = "하이퍼클로바") { search(text: $text) { score entity { id kind name } } }',
    {},
  ],
  [
    'interface fragments, a named fragment and __typename',
    'data',
    `{ openai: entity(id: "openai") { __typename ...named ... on Company { country models { __typename id } } }
       gpt4: entity(id: "gpt-4") { __typename ...named ... on FoundationModel { parameters developers { id } } }
       hits: search(text: "naver", first: 5) { entity { __typename ...named } } }
     fragment named on Entity { id kind name aliases }`,
    {},
  ],
  [
    'aliases of one field with other arguments',
    'data',
    `{ a: company(id: "openai") { name services { id } } b: company(id: "naver") { name nameKo }
       none: company(id: "no-such-company") { id } }`,
    {},
  ],
  [
    'claims and conflicts',
    'data',
    `{ model(id: "gpt-4") { claims { field value preferred confidence source { id } } }
       conflicts(first: 5) { totalCount nodes { field entity { id } claims { value } } pageInfo { hasNextPage } } }`,
    {},
  ],
  [
    'directives from variables',
    'data',
    `query($withModels: Boolean!, $noStages: Boolean!) {
      company(id: "naver") { id models @include(if: $withModels) { id } stages @skip(if: $noStages) { id } }
      stages { id name } industries { id } sources { id kind } }`,
    { withModels: true, noStages: true },
  ],
  ['an unknown id', 'NOT_FOUND', '{ downstream(of: "no-such-company") { nodes { distance } } }', {}],
  ['a bad argument', 'BAD_USER_INPUT', '{ companies(first: 0) { totalCount } }', {}],
  [
    'a variable that does not coerce',
    'BAD_USER_INPUT',
    'query($first: Int!) { companies(first: $first) { totalCount } }',
    { first: 'ten' },
  ],
  ['an unknown field', 'GRAPHQL_VALIDATION_FAILED', '{ company(id: "naver") { ceo } }', {}],
  [
    'an operation over the depth limit',
    'QUERY_TOO_COMPLEX',
    `{ company(id: "naver") { ${'models { developers { '.repeat(4)}id${' } }'.repeat(4)} } }`,
    {},
  ],
];

/** The answer without its Cypher trace (times differ from run to run). */
const answer = async (server: { gql: typeof interpreted.gql }, query: string, variables: Record<string, unknown>) => {
  const { extensions, ...rest } = await server.gql(query, variables);
  return { ...rest, extensions: { ...extensions, cypher: undefined } };
};

describe('compiled execution', () => {
  it.each(OPERATIONS)(
    'answers %s as graphql-js does',
    async (_label, outcome, query, variables) => {
      const expected = await answer(interpreted, query, variables);
      if (outcome === 'data') {
        expect(expected.errors).toBeUndefined();
        expect(expected.data).toBeTruthy();
      } else expect(expected.errors?.[0]?.extensions?.code).toBe(outcome);
      expect(await answer(compiled, query, variables)).toEqual(expected);
      // Again, from the compiled operation kept from the first run.
      expect(await answer(compiled, query, variables)).toEqual(expected);
    },
    60_000,
  );

  it('pages through a connection with the cursors it gives', async () => {
    const query = OPERATIONS[1][2];
    const first = await compiled.ok(query, { first: 3, after: null });
    expect(first.companies.pageInfo.hasNextPage).toBe(true);
    const next = { first: 3, after: first.companies.pageInfo.endCursor };
    const expected = await answer(interpreted, query, next);
    expect(expected.data!.companies.nodes).toHaveLength(3);
    expect(await answer(compiled, query, next)).toEqual(expected);
  }, 60_000);
});
