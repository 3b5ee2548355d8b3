/**
 * The default graph, as `npm start` makes it on an empty database: the report's seed, then the four shipped
 * databases. The documented questions on it (README.md, docs/questions.md) are asked and their printed answers
 * compared; the compute, hosted-model and data set figures are checked against figures this test computes from the
 * shipped files itself (only the mapping of a name to an entity id is the import's: the identity rules, tested on
 * their own).
 */
import type { QueryRunner } from '../src/db/queryRunner';
import { DEFAULT_SOURCE_PRECEDENCE } from '../src/domain/claims';
import type { ImportResult } from '../src/imports/importSource';
import { nameKey } from '../src/imports/planImport';
import { newestByPair, plainRows } from './chipCountsPlain';
import { startTestServer } from './support/graphqlClient';
import { dependencyNames, plainAssets } from './support/ecosystemPlain';
import { offersByCompany } from './support/modelsDevPlain';
import { readmeExamples, rounded } from './support/readmeExamples';
import { importDefaultDatabases, seededRunner } from './support/importGraph';

let runner: QueryRunner;
let server: Awaited<ReturnType<typeof startTestServer>>;
let results: Map<string, ImportResult>;

beforeAll(async () => {
  runner = await seededRunner();
  results = await importDefaultDatabases(runner);
  server = await startTestServer(runner);
});

afterAll(async () => {
  await server?.close();
  await runner.close();
});

const planOf = (source: string) => results.get(source)!.plan;

describe('the default graph', () => {
  it('holds the report and all four databases', () => {
    expect([...results.keys()]).toEqual([...DEFAULT_SOURCE_PRECEDENCE]);
  });

  it("counts a company's compute at a date as its vendors' newest estimates summed, aggregates left out", async () => {
    const expected = new Map<string, number>();
    for (const { owner, median } of newestByPair(plainRows(), '2025-12-31').values()) {
      if (owner.startsWith('China') || owner.startsWith('Other')) continue;
      expected.set(owner, (expected.get(owner) ?? 0) + median);
    }
    const { data } = await server.gql(
      '{ concentration(measure: COMPUTE, asOf: "2025-12") { total shares { label value share } } }',
    );
    const { total, shares } = data!.concentration as { total: number; shares: { label: string; value: number }[] };
    expect(new Map(shares.map((share) => [share.label, share.value]))).toEqual(expected);
    expect(total).toBe([...expected.values()].reduce((sum, value) => sum + value, 0));
    expect(shares.map((share) => share.value)).toEqual([...expected.values()].sort((a, b) => b - a));
  });

  it("counts each company's hosted models as the distinct models its provider folders serve", async () => {
    const { modelsOf } = offersByCompany(planOf('models-dev'));
    const { data } = await server.gql(
      '{ concentration(measure: HOSTED_MODELS) { total shares { value members { id } } } }',
    );
    const { total, shares } = data!.concentration as {
      total: number;
      shares: { value: number; members: { id: string }[] }[];
    };
    const served = new Map(shares.map((share) => [share.members[0].id, share.value]));
    // Offers of other sources (the seed states none) would show here as companies the files do not give.
    expect(served).toEqual(new Map([...modelsOf].map(([company, ids]) => [company, ids.size])));
    expect(total).toBe([...modelsOf.values()].reduce((sum, ids) => sum + ids.size, 0));
  });

  it('orders the data sets by the models Ecosystem Graphs says are trained on them', async () => {
    const plan = planOf('ecosystem-graphs');
    const { assets } = plainAssets();
    const trained = new Map<string, Set<string>>();
    const seen = new Set<string>();
    for (const asset of assets) {
      // A repeated asset name is left out (the first is kept).
      if (seen.has(String(asset.name))) continue;
      seen.add(String(asset.name));
      if (asset.type !== 'model') continue;
      const model = plan.resolutions.get(nameKey('FoundationModel', String(asset.name).trim()));
      for (const name of dependencyNames(asset)) {
        const dataset = plan.resolutions.get(nameKey('Dataset', String(name).trim()));
        if (!model || !dataset) continue;
        trained.set(dataset, (trained.get(dataset) ?? new Set()).add(model));
      }
    }
    const { data } = await server.gql(
      '{ datasets(orderBy: MODELS_DESC, first: 10) { totalCount nodes { id models { id } } } }',
    );
    const nodes = data!.datasets.nodes as { id: string; models: { id: string }[] }[];
    for (const node of nodes)
      expect({ id: node.id, models: node.models.map((model) => model.id).sort() }).toEqual({
        id: node.id,
        models: [...(trained.get(node.id) ?? [])].sort(),
      });
    const counts = [...trained.values()].map((models) => models.size).sort((a, b) => b - a);
    expect(nodes.map((node) => node.models.length)).toEqual(counts.slice(0, 10));
    expect(data!.datasets.totalCount).toBe(assets.filter((asset) => asset.type === 'dataset').length);
  });

  it('walks from a service to its data sets and chip vendors', async () => {
    const { data } = await server.gql(
      '{ upstream(of: "github-copilot", maxHops: 2) { nodes { entity { id kind } } steps { from to relation } } }',
    );
    const { nodes, steps } = data!.upstream as {
      nodes: { entity: { id: string; kind: string } }[];
      steps: { from: string; to: string; relation: string }[];
    };
    expect(nodes.map((node) => node.entity.kind)).toEqual(expect.arrayContaining(['DATASET', 'COMPANY']));
    expect(steps).toEqual(
      expect.arrayContaining([
        { from: 'codex', to: 'humaneval', relation: 'TRAINED_ON' },
        { from: 'microsoft', to: 'nvidia', relation: 'SUPPLIED_BY' },
      ]),
    );
  });
});

describe.each(['start-questions', 'epoch-questions', 'chain-questions'])('the documented %s', (marker) => {
  const examples = readmeExamples(marker);

  it('prints at least four', () => expect(examples.length).toBeGreaterThanOrEqual(4));

  it.each(examples.map((example) => [example.title, example]))('%s', async (_title, example) => {
    const { query, printed } = example as (typeof examples)[number];
    const response = await server.gql(query);
    expect(response.errors).toBeUndefined();
    expect(rounded(response.data)).toEqual(printed);
  });
});
