/**
 * The analytics on the report and Epoch AI's models, checked against figures this test computes
 * from the CSV and the seed files itself: its own CSV parser, its own split of the organisations, its own sums.
 * Only the mapping of a name to an entity id is the import's (the identity rules, tested on their own).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { importBatch, importerOf, readBatch } from '../src/imports/importSource';
import { ImportPlan, nameKey } from '../src/imports/planImport';
import { SHIPPED_EPOCH_CSV, cellList, cellName, epochRows } from './support/epochCsv';
import { startTestServer } from './support/graphqlClient';
import { connectTestRunner } from './support/testDatabase';
import { IMPORT_OPTIONS, SEED_DIR, seededRunner } from './support/importGraph';

const rows = epochRows();
const seedModels = parse(fs.readFileSync(path.join(SEED_DIR, 'models.yaml'), 'utf8')) as {
  id: string;
  developers: (string | { id: string })[];
  releasedOn?: string;
}[];

interface Model {
  compute: number;
  releasedOn: string | null;
  developers: Set<string>;
}

/** The models of the graph as the CSV and the seed files give them, keyed by the id the import resolved. */
function modelsFrom(plan: ImportPlan): Map<string, Model> {
  const models = new Map<string, Model>();
  for (const seed of seedModels)
    models.set(seed.id, {
      compute: 0,
      releasedOn: seed.releasedOn ?? null,
      developers: new Set(seed.developers.map((ref) => (typeof ref === 'string' ? ref : ref.id))),
    });
  const computeGiven = new Set<string>();
  const seen = new Set<string>();
  for (const row of rows) {
    // A row that repeats an earlier row's model name is left out (the first is kept).
    const name = cellName(row.Model);
    if (seen.has(name)) continue;
    seen.add(name);
    const id = plan.resolutions.get(nameKey('FoundationModel', name));
    if (!id) continue;
    const model = models.get(id) ?? { compute: 0, releasedOn: null, developers: new Set<string>() };
    models.set(id, model);
    // The first value a source gives a field is its claim; the seed's date wins over Epoch's.
    if (row['Training compute (FLOP)'] !== '' && !computeGiven.has(id)) {
      model.compute = Number(row['Training compute (FLOP)']);
      computeGiven.add(id);
    }
    if (model.releasedOn === null && row['Publication date'] !== '') model.releasedOn = row['Publication date'];
    for (const name of cellList(row.Organization)) {
      const developer = plan.resolutions.get(nameKey('Company', name));
      expect({ organisation: name, resolved: developer !== undefined }).toEqual({ organisation: name, resolved: true });
      if (developer) model.developers.add(developer);
    }
  }
  return models;
}

/** Each company's share of a measure over the models released on or before asOf (first day of a partial date). */
function expectedShares(models: Map<string, Model>, measure: (model: Model) => number, asOf: string) {
  const values = new Map<string, number>();
  for (const model of models.values()) {
    if (model.releasedOn === null || `${model.releasedOn}-01-01`.slice(0, 10) > asOf) continue;
    if (model.developers.size === 0) continue;
    for (const developer of model.developers)
      values.set(developer, (values.get(developer) ?? 0) + measure(model) / model.developers.size);
  }
  const total = [...values.values()].reduce((sum, value) => sum + value, 0);
  const shares = [...values]
    .filter(([, value]) => value > 0)
    .map(([key, value]) => ({ key, value, share: value / total }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  const hhi = shares.reduce((sum, { share }) => sum + (100 * share) ** 2, 0);
  return { total, hhi, shares };
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let runner: Awaited<ReturnType<typeof connectTestRunner>>;
let plan: ImportPlan;
let models: Map<string, Model>;

beforeAll(async () => {
  runner = await seededRunner();
  ({ plan } = await importBatch(runner, readBatch(importerOf('epoch-ai-models')!, SHIPPED_EPOCH_CSV), {
    ...IMPORT_OPTIONS,
    dryRun: false,
  }));
  models = modelsFrom(plan);
  server = await startTestServer(runner);
});

afterAll(async () => {
  await server.close();
  await runner.close();
});

const CONCENTRATION = `query ($measure: ConcentrationMeasure!, $asOf: PartialDate) {
  concentration(measure: $measure, groupBy: COMPANY, asOf: $asOf) { total hhi shares { key value share } }
}`;

describe('concentration on the report and Epoch AI together', () => {
  it.each(['2020-12-31', '2023-12-31', '2025-03-31'])(
    'training compute by company as of %s is what the CSV adds up to',
    async (asOf) => {
      const expected = expectedShares(models, (model) => model.compute, asOf);
      const { concentration } = await server.ok(CONCENTRATION, { measure: 'TRAINING_COMPUTE', asOf });
      expect(concentration.total / expected.total).toBeCloseTo(1, 9);
      expect(concentration.hhi).toBeCloseTo(expected.hhi, 6);
      const top = (concentration.shares as { key: string; value: number }[]).slice(0, 10);
      expect(top.map((share) => share.key)).toEqual(expected.shares.slice(0, 10).map((share) => share.key));
      top.forEach((share, index) => expect(share.value / expected.shares[index].value).toBeCloseTo(1, 9));
    },
  );

  it('models by company as of 2023 counts each model once, split among its developers', async () => {
    const expected = expectedShares(models, () => 1, '2023-12-31');
    const { concentration } = await server.ok(CONCENTRATION, { measure: 'MODELS', asOf: '2023-12-31' });
    expect(concentration.total).toBeCloseTo(expected.total, 9);
    expect(concentration.hhi).toBeCloseTo(expected.hhi, 6);
    expect((concentration.shares as { key: string }[]).slice(0, 5).map((share) => share.key)).toEqual(
      expected.shares.slice(0, 5).map((share) => share.key),
    );
  });
});

describe('dependency walks over the larger graph', () => {
  const nvidiaRows = () =>
    rows.filter((row) => /^NVIDIA/.test(row['Training hardware']) && !row['Training hardware'].includes(','));

  it("find a model's base model and its training chips' vendor upstream", async () => {
    const nvidia = plan.resolutions.get(nameKey('Company', 'NVIDIA'))!;
    expect(nvidia).toBe('nvidia');
    const checked = nvidiaRows()
      .filter((row) => row['Base model'] !== '' && !row['Base model'].includes(','))
      .map((row) => ({
        model: plan.resolutions.get(nameKey('FoundationModel', cellName(row.Model))),
        base: plan.resolutions.get(nameKey('FoundationModel', cellName(row['Base model']))),
      }))
      .filter((pair): pair is { model: string; base: string } => Boolean(pair.model && pair.base))
      .slice(0, 10);
    expect(checked.length).toBeGreaterThan(3);
    for (const { model, base } of checked) {
      const { upstream } = await server.ok(
        'query ($of: ID!) { upstream(of: $of) { nodes { entity { id } distance } } }',
        { of: model },
      );
      const ids = (upstream.nodes as { entity: { id: string } }[]).map((node) => node.entity.id);
      expect({ model, base: ids.includes(base), nvidia: ids.includes(nvidia) }).toEqual({
        model,
        base: true,
        nvidia: true,
      });
    }
  });

  it("rank NVIDIA as a dependency of at least every model Epoch says was trained on NVIDIA's chips", async () => {
    const trained = new Set(
      nvidiaRows()
        .map((row) => plan.resolutions.get(nameKey('FoundationModel', cellName(row.Model))))
        .filter(Boolean),
    );
    const { systemicImportance } = await server.ok(
      '{ systemicImportance(first: 50) { company { id } dependentModels } }',
    );
    const nvidia = (systemicImportance as { company: { id: string }; dependentModels: number }[]).find(
      (rank) => rank.company.id === 'nvidia',
    );
    expect(nvidia).toBeDefined();
    expect(nvidia!.dependentModels).toBeGreaterThanOrEqual(trained.size);
  });
});
