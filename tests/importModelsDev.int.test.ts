/**
 * `npm run import -- models-dev` into a real Neo4j holding the seed: the shipped snapshot's offers, once per provider
 * and model as the files give them; importing again changes nothing; a dry run and a refused snapshot write nothing;
 * a newer snapshot updates and removes this source's offers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { ImportFormatError } from '../src/imports/importBatch';
import { importBatch, importerOf, readBatch } from '../src/imports/importSource';
import { nameKey } from '../src/imports/planImport';
import { SHIPPED_MODELS_DEV as SHIPPED, offersByCompany } from './support/modelsDevPlain';
import { graphChecksum } from './support/testDatabase';
import { IMPORT_OPTIONS, seededRunner } from './support/importGraph';

const FIXTURES = path.join(projectRoot, 'tests/fixtures/models-dev');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'models-dev-import-'));

let runner: QueryRunner;
const importer = importerOf('models-dev')!;
const importFolder = (dir: string, dryRun = false) =>
  importBatch(runner, readBatch(importer, dir), { ...IMPORT_OPTIONS, dryRun });

/** OFFERS relationships of the source, by provider id, from the graph. */
async function offersByProvider(): Promise<Map<string, number>> {
  const rows = await runner.read(`
    MATCH (p:Company)-[o:OFFERS]->(:FoundationModel) WHERE 'models-dev' IN o.sourceIds
    RETURN p.id AS provider, count(o) AS offers`);
  return new Map(rows.map((row) => [row.provider as string, Number(row.offers)]));
}

beforeAll(async () => {
  runner = await seededRunner();
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run import -- models-dev', () => {
  it("imports the shipped snapshot: each provider's offers, counted apart from the files", async () => {
    const { plan } = await importFolder(SHIPPED);
    const [{ source }] = await runner.read("MATCH (s:Source {id: 'models-dev'}) RETURN properties(s) AS source");
    expect(source).toMatchObject({ sourceKind: 'DATABASE', license: 'MIT', snapshotOn: '2026-06-30' });

    // Independently: the distinct models of each company's provider folders, as the files give them.
    const { modelsOf, shared: sharedOffers } = offersByCompany(plan);
    const expected = new Map([...modelsOf].map(([company, ids]) => [company, ids.size]));
    expect(await offersByProvider()).toEqual(expected);
    expect(plan.resolutions.get(nameKey('Company', 'Alibaba (China)'))).toBe('alibaba');
    // The offers two providers of one company both state are merged (with other links they both state).
    expect(sharedOffers).toBeGreaterThan(0);
    expect(plan.summary.relationships.merged).toBeGreaterThanOrEqual(sharedOffers);
  });

  it('changes nothing when the same snapshot is imported again', async () => {
    const before = await graphChecksum(runner);
    const { plan } = await importFolder(SHIPPED);
    expect(plan.summary.entities.created + plan.summary.entities.updated).toBe(0);
    expect(plan.summary.relationships.created + plan.summary.relationships.updated).toBe(0);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('writes nothing in a dry run, nor for a snapshot it refuses', async () => {
    const before = await graphChecksum(runner);
    const { plan } = await importFolder(path.join(FIXTURES, 'good'), true);
    expect(plan.summary.entities.created).toBeGreaterThan(0);
    expect(await graphChecksum(runner)).toBe(before);
    expect(() => readBatch(importer, path.join(FIXTURES, 'bad-toml'))).toThrow(ImportFormatError);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it("takes a newer snapshot: a changed price is updated, a removed entry's offer removed", async () => {
    await importFolder(path.join(FIXTURES, 'good'));
    const offer = (provider: string, model: string) =>
      runner.read(
        `MATCH (:Company {name: $provider})-[o:OFFERS]->(m:FoundationModel)
         WHERE m.name = $model OR $model IN coalesce(m.aliases, [])
         RETURN o.inputUsdPerMTok AS input, o.providerModelId AS id`,
        { provider, model },
      );
    expect(await offer('RouterX', 'Acme One')).toEqual([{ input: 1, id: 'acme/acme-one' }]);
    expect(await offer('RouterX', 'Qwen3 30B A3B Instruct 2507')).toHaveLength(1);

    const newer = path.join(tmp, 'newer');
    fs.cpSync(path.join(FIXTURES, 'good'), newer, { recursive: true });
    const entry = path.join(newer, 'providers/routerx/models/acme/acme-one.toml');
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('input = 1', 'input = 1.5'));
    fs.rmSync(path.join(newer, 'providers/routerx/models/qwen/qwen3-30b-a3b-instruct-2507.toml'));
    await importFolder(newer);
    expect(await offer('RouterX', 'Acme One')).toEqual([{ input: 1.5, id: 'acme/acme-one' }]);
    expect(await offer('RouterX', 'Qwen3 30B A3B Instruct 2507')).toEqual([]);
  });
});
