import { startSeededServer } from './support/graphqlClient';

/**
 * Data sets, offers and chip holdings over the seed, with the relationships and their properties written here with
 * Cypher (as an importer writes them): every answer is checked against Cypher counts or by hand.
 */
let server: Awaited<ReturnType<typeof startSeededServer>>;

const estimates = (list: [string, number][]) =>
  JSON.stringify(list.map(([asOf, h100Equivalents]) => ({ asOf, h100Equivalents, units: h100Equivalents * 2 })));

beforeAll(async () => {
  server = await startSeededServer();
  const runner = server.runner;
  await runner.write(`
    CREATE (:Entity:Source {id: 'test-db', name: 'Test database', sourceKind: 'DATABASE', sourceIds: []})
    CREATE (:Entity:Dataset {id: 'test-corpus', name: 'Test Corpus', createdOn: '2020', sourceIds: ['test-db']})
    CREATE (:Entity:Dataset {id: 'test-subset', name: 'Test Subset', sourceIds: ['test-db']})
    CREATE (:Entity:Company {id: 'test-china', name: 'China', country: 'CN', aggregate: 'COUNTRY',
                             sourceIds: ['test-db']})
    CREATE (:Entity:Company {id: 'test-other', name: 'Other', aggregate: 'REMAINDER', sourceIds: ['test-db']})`);
  await runner.write(
    `
    MATCH (d:Dataset {id: 'test-corpus'}), (s:Dataset {id: 'test-subset'}), (c:Company {id: 'openai'}),
          (m:FoundationModel {id: 'gpt-4'}), (g:Company {id: 'google'}), (n:Company {id: 'nvidia'}),
          (cn:Company {id: 'test-china'}), (o:Company {id: 'test-other'})
    CREATE (c)-[:PUBLISHES {sourceIds: ['test-db']}]->(d)
    CREATE (m)-[:TRAINED_ON {sourceIds: ['test-db']}]->(d)
    CREATE (s)-[:DERIVED_FROM {sourceIds: ['test-db']}]->(d)
    CREATE (g)-[:OFFERS {sourceIds: ['test-db'], providerModelId: 'gpt-4-x', inputUsdPerMTok: 3.0,
                         outputUsdPerMTok: 9.5, contextTokens: 128000, openWeights: false}]->(m)
    CREATE (o)-[:OFFERS {sourceIds: ['test-db'], providerModelId: 'gpt-4-o'}]->(m)
    CREATE (g)-[:HOLDS_CHIPS_OF {sourceIds: ['test-db'], estimates: $google}]->(n)
    CREATE (cn)-[:HOLDS_CHIPS_OF {sourceIds: ['test-db'], estimates: $china}]->(n)
    CREATE (o)-[:HOLDS_CHIPS_OF {sourceIds: ['test-db'], estimates: $other}]->(n)`,
    {
      google: estimates([
        ['2023-12-31', 100],
        ['2024-12-31', 300],
      ]),
      china: estimates([['2024-06-30', 50]]),
      other: estimates([['2024-06-30', 5000]]),
    },
  );
});
afterAll(() => server.close());

describe('data sets', () => {
  it('are listed, looked up and followed to their publishers, models and sources', async () => {
    const [count] = await server.runner.read('MATCH (d:Dataset) RETURN count(d) AS n');
    const data = await server.ok(`{
      datasets(first: 50) { totalCount nodes { id } }
      dataset(id: "test-corpus") { id kind createdOn publishers { id } models { id } derivedDatasets { id }
                                   sources { id } }
      model(id: "gpt-4") { trainingData { id } }
      search(text: "Test Corpus", kinds: [DATASET]) { entity { id } }
    }`);
    expect(data.datasets.totalCount).toBe(count.n);
    expect(data.datasets.nodes.map((d: { id: string }) => d.id)).toEqual(['test-corpus', 'test-subset']);
    expect(data.dataset).toEqual({
      id: 'test-corpus',
      kind: 'DATASET',
      createdOn: '2020',
      publishers: [{ id: 'openai' }],
      models: [{ id: 'gpt-4' }],
      derivedDatasets: [{ id: 'test-subset' }],
      sources: [{ id: 'test-db' }],
    });
    expect(data.model.trainingData).toEqual([{ id: 'test-corpus' }]);
    expect(data.search.map((hit: { entity: { id: string } }) => hit.entity.id)).toContain('test-corpus');
  });
});

describe('offers and holdings', () => {
  it('serve each OFFERS relationship with its properties and source, from either end, in one statement', async () => {
    const response = await server.gql(`{
      model(id: "gpt-4") { offers { provider { id } model { id name } providerModelId inputUsdPerMTok
                                    outputUsdPerMTok contextTokens openWeights } }
      company(id: "google") { offers { provider { id } model { id } providerModelId } }
    }`);
    expect(response.errors).toBeUndefined();
    const rows = await server.runner.read(
      "MATCH (c:Company)-[o:OFFERS]->(:FoundationModel {id: 'gpt-4'}) RETURN c.id AS id ORDER BY c.name",
    );
    const offers = response.data!.model.offers;
    expect(offers.map((offer: { provider: { id: string } }) => offer.provider.id)).toEqual(rows.map((r) => r.id));
    expect(offers.find((offer: { provider: { id: string } }) => offer.provider.id === 'google')).toEqual({
      provider: { id: 'google' },
      model: { id: 'gpt-4', name: 'GPT-4' },
      providerModelId: 'gpt-4-x',
      inputUsdPerMTok: 3,
      outputUsdPerMTok: 9.5,
      contextTokens: 128000,
      openWeights: false,
    });
    expect(response.data!.company.offers).toEqual([
      { provider: { id: 'google' }, model: { id: 'gpt-4' }, providerModelId: 'gpt-4-x' },
    ]);
    expect(response.extensions?.cypher?.statements).toBe(1);
    const sourced = await server.ok('{ model(id: "gpt-4") { offers { source { id sourceKind } } } }');
    expect(sourced.model.offers[0].source).toEqual({ id: 'test-db', sourceKind: 'DATABASE' });
  });

  it('serve the newest estimate on or before asOf, none when none is that old', async () => {
    const data = await server.ok(`{
      newest: company(id: "google") { computeHoldings { owner { id } vendor { id } asOf h100Equivalents units
                                                         source { id } } }
      mid: company(id: "google") { computeHoldings(asOf: "2024-06") { asOf h100Equivalents } }
      year: company(id: "google") { computeHoldings(asOf: "2024") { asOf } }
      early: company(id: "google") { computeHoldings(asOf: "2023-12-30") { asOf } }
    }`);
    expect(data.newest.computeHoldings).toEqual([
      {
        owner: { id: 'google' },
        vendor: { id: 'nvidia' },
        asOf: '2024-12-31',
        h100Equivalents: 300,
        units: 600,
        source: { id: 'test-db' },
      },
    ]);
    expect(data.mid.computeHoldings).toEqual([{ asOf: '2023-12-31', h100Equivalents: 100 }]);
    expect(data.year.computeHoldings).toEqual([{ asOf: '2024-12-31' }]);
    expect(data.early.computeHoldings).toEqual([]);
  });
});

describe('concentration', () => {
  const shares = async (measure: string, groupBy: string, asOf?: string) => {
    const data = await server.ok(
      `query ($measure: ConcentrationMeasure!, $groupBy: ConcentrationGroup, $asOf: PartialDate) {
         concentration(measure: $measure, groupBy: $groupBy, asOf: $asOf) { total shares { key value } } }`,
      { measure, groupBy, asOf },
    );
    return data.concentration as { total: number; shares: { key: string; value: number }[] };
  };

  it('of HOSTED_MODELS counts each provider’s offers, aggregates left out', async () => {
    const rows = await server.runner.read(
      'MATCH (c:Company)-[:OFFERS]->(m:FoundationModel) WHERE c.aggregate IS NULL ' +
        'RETURN c.id AS key, count(DISTINCT m) AS value ORDER BY value DESC, key',
    );
    expect((await shares('HOSTED_MODELS', 'COMPANY')).shares).toEqual(rows);
  });

  it('of COMPUTE sums the estimates in force, a COUNTRY aggregate counting for its country only', async () => {
    expect((await shares('COMPUTE', 'COMPANY', '2024-06')).shares).toEqual([{ key: 'google', value: 100 }]);
    expect((await shares('COMPUTE', 'COMPANY')).shares).toEqual([{ key: 'google', value: 300 }]);
    const [google] = await server.runner.read("MATCH (c:Company {id: 'google'}) RETURN c.country AS country");
    const byCountry = await shares('COMPUTE', 'COUNTRY', '2024-06');
    expect(byCountry.shares).toEqual(
      [
        { key: google.country as string, value: 100 },
        { key: 'CN', value: 50 },
      ].sort((a, b) => b.value - a.value),
    );
    expect(byCountry.total).toBe(150);
  });
});
