import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { importBatch, importerOf, readBatch } from '../src/imports/importSource';
import { nameKey } from '../src/imports/planImport';
import { CurationRepository } from '../src/repositories/curationRepository';
import { SHIPPED_EPOCH_CSV, cellList, cellName, epochRows, parseCsv, toCsv } from './support/epochCsv';
import { graphChecksum } from './support/testDatabase';
import { IMPORT_OPTIONS, seededRunner } from './support/importGraph';

const run = promisify(execFile);
const rows = epochRows();
const header = parseCsv(fs.readFileSync(SHIPPED_EPOCH_CSV, 'utf8').replace(/^\uFEFF/, ''))[0];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'epoch-import-'));
let runner: QueryRunner;
const importFile = (file: string, dryRun = false) =>
  importBatch(runner, readBatch(importerOf('epoch-ai-models')!, file), { ...IMPORT_OPTIONS, dryRun });

const importCli = (...args: string[]) =>
  run(process.execPath, [path.join(projectRoot, 'dist/src/cli/import.js'), ...args], { env: { ...process.env } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** A copy of the shipped CSV with `change` applied to its rows. */
function variant(name: string, change: (rows: Record<string, string>[]) => Record<string, string>[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, toCsv(header, change(rows.map((row) => ({ ...row })))));
  return file;
}

beforeAll(async () => {
  runner = await seededRunner();
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run import -- epoch-ai-models', () => {
  it('imports every model of the shipped snapshot beside the report, each citing the database', async () => {
    const { plan } = await importFile(SHIPPED_EPOCH_CSV);
    expect(plan.summary.records).toBe(rows.length);

    const [{ source }] = await runner.read("MATCH (s:Source {id: 'epoch-ai-models'}) RETURN properties(s) AS source");
    const newest = rows.map((row) => row['Publication date']).reduce((a, b) => (a > b ? a : b));
    expect(source).toMatchObject({
      sourceKind: 'DATABASE',
      license: 'CC-BY-4.0',
      records: rows.length,
      snapshotOn: newest,
    });
    expect((source as { importedAt: string }).importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // Every model the file names is a node citing the database (the report's own where Epoch's name resolved to
    // one of the report's models), unless its name was reported ambiguous.
    const citing = new Set(
      (
        await runner.read(
          "MATCH (m:FoundationModel)-[:CITES]->(:Source {id: 'epoch-ai-models'}) RETURN collect(m.id) AS ids",
        )
      )[0].ids as string[],
    );
    const ambiguous = new Set(plan.summary.ambiguous.map((entry) => entry.name));
    const named = [...new Set(rows.map((row) => cellName(row.Model)).filter((name) => name !== ''))];
    const unresolved = named.filter((name) => {
      const id = plan.resolutions.get(nameKey('FoundationModel', name));
      return ambiguous.has(name) ? id !== null : id === undefined || id === null || !citing.has(id);
    });
    expect(unresolved).toEqual([]);
    expect(citing.size).toBeGreaterThan(0.95 * named.length);
    // Epoch-only models are new nodes under the name Epoch gives them (as a model or as a base model).
    const baseModels = rows.flatMap((row) => cellList(row['Base model']));
    const created = await runner.read(
      "MATCH (m:FoundationModel) WHERE m.sourceIds[0] = 'epoch-ai-models' RETURN collect(m.name) AS names",
    );
    for (const name of created[0].names as string[]) expect([...named, ...baseModels]).toContain(name);
  });

  it("shows Epoch's numbers on the models only Epoch states, and keeps the report's where both do", async () => {
    const models = await runner.read(`
      MATCH (m:FoundationModel)-[c:CLAIM {tier: 'DATABASE'}]->(:Source {id: 'epoch-ai-models'})
      WHERE c.field IN ['parameters', 'trainingComputeFlop']
      OPTIONAL MATCH (m)-[seed:CLAIM {field: c.field, tier: 'SEED'}]->()
      RETURN m.id AS id, m.name AS name, c.field AS field, c.value AS value, c.preferred AS preferred,
             m[c.field] AS shown, seed.value AS seedValue`);
    expect(models.length).toBeGreaterThan(1000);
    for (const model of models) {
      const expected = model.seedValue ?? model.value;
      expect({ id: model.id, field: model.field, shown: model.shown }).toEqual({
        id: model.id,
        field: model.field,
        shown: JSON.parse(expected as string),
      });
      expect(model.preferred).toBe(model.seedValue === null);
    }
    // Each Epoch row's compute is the claim on the model of that name.
    const byName = new Map(
      models.filter((model) => model.field === 'trainingComputeFlop').map((model) => [model.name, model.value]),
    );
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(cellName(row.Model), (counted.get(cellName(row.Model)) ?? 0) + 1);
    const checked = rows.filter(
      (row) =>
        row['Training compute (FLOP)'] !== '' &&
        counted.get(cellName(row.Model)) === 1 &&
        byName.has(cellName(row.Model)),
    );
    expect(checked.length).toBeGreaterThan(800);
    for (const row of checked)
      expect({ model: row.Model, flop: Number(byName.get(cellName(row.Model))) }).toEqual({
        model: row.Model,
        flop: Number(row['Training compute (FLOP)']),
      });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await graphChecksum(runner);
    const { plan, lines } = await importFile(SHIPPED_EPOCH_CSV);
    expect(plan.summary.entities.created).toBe(0);
    expect(plan.summary.entities.updated).toBe(0);
    expect(plan.summary.claims.written + plan.summary.claims.deleted).toBe(0);
    expect(plan.source).toBeNull();
    expect(lines[1]).toMatch(/^entities: 0 created, 0 updated, \d+ unchanged$/);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('with --dry-run prints what would change and writes nothing', async () => {
    const file = variant('dry-run.csv', (list) => [
      ...list,
      { ...list[0], Model: 'Dry Run Model 1B', Parameters: '1000000000.0' },
    ]);
    const before = await graphChecksum(runner);
    const result = await importCli('epoch-ai-models', file, '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/dry run: nothing written/);
    expect(result.stdout).toMatch(/entities: 1 created, \d+ updated, \d+ unchanged/);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it.each([
    ['an empty file', ''],
    ['a file that is not CSV', '{"nodes": []}\n'],
    ["another database's CSV", 'Company,Chips\nMicrosoft,100\n'],
    ['a truncated file', fs.readFileSync(SHIPPED_EPOCH_CSV, 'utf8').slice(0, 200_000)],
  ])('refuses %s with one line and writes nothing', async (_, text) => {
    const file = path.join(tmp, 'refused.csv');
    fs.writeFileSync(file, text);
    const before = await graphChecksum(runner);
    const result = await importCli('epoch-ai-models', file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(file);
    expect(result.stdout).toBe('');
    expect(await graphChecksum(runner)).toBe(before);
  });

  it(`takes a newer snapshot: adds what is new, updates only Epoch's claims, keeps editors' changes, other \
sources' claims and retired entities`, async () => {
    const curation = new CurationRepository(runner, 30_000);
    const epochOnly = await runner.read(`
      MATCH (m:FoundationModel)-[c:CLAIM {field: 'parameters', tier: 'DATABASE'}]->(:Source {id: 'epoch-ai-models'})
      WHERE NOT EXISTS { (m)-[:CLAIM {tier: 'SEED'}]->() } AND size(m.sourceIds) >= 1
      RETURN m.id AS id, m.name AS name, m.parameters AS parameters ORDER BY m.id LIMIT 3`);
    const [changed, edited, retired] = epochOnly as { id: string; name: string; parameters: number }[];
    // An editor sets the parameters of one model; another is retired.
    await runner.write(
      `MATCH (m:FoundationModel {id: $id}) SET m.parameters = 123e9, m.editedFields = ['parameters']
       WITH m MATCH (s:Source {id: 'eximbank-2023-generative-ai'})
       MERGE (m)-[c:CLAIM {field: 'parameters', tier: 'EDITOR'}]->(s)
       SET c.value = '123000000000', c.confidence = 'REPORTED', c.preferred = true
       WITH m MATCH (m)-[o:CLAIM {field: 'parameters', tier: 'DATABASE'}]->() SET o.preferred = false`,
      { id: edited.id },
    );
    await curation.retire(retired.id, 'test: a retired model stays retired', 'test');
    const seedClaims = await runner.read(
      "MATCH (e)-[c:CLAIM {tier: 'SEED'}]->(s) RETURN e.id + c.field + s.id + c.value AS key ORDER BY key",
    );

    const file = variant('newer.csv', (list) =>
      [...list, { ...list[0], Model: 'Newer Snapshot Model 7B', Parameters: '7000000000.0' }].map((row) =>
        [changed.name, edited.name, retired.name].includes(row.Model) ? { ...row, Parameters: '999000000000.0' } : row,
      ),
    );
    const { plan } = await importFile(file);
    expect(plan.summary.entities.created).toBe(1);

    const [after] = await runner.read(
      `MATCH (c:FoundationModel {id: $changed}), (e:FoundationModel {id: $edited})
       OPTIONAL MATCH (n:FoundationModel {name: 'Newer Snapshot Model 7B'})
       RETURN c.parameters AS changed, e.parameters AS edited, n.parameters AS added,
              [(e)-[x:CLAIM {field: 'parameters'}]->() | x.tier + ':' + x.value + ':' + x.preferred] AS editedClaims,
              EXISTS { MATCH (r:Retired {id: $retired}) WHERE r.parameters = $retiredParameters } AS retiredKept,
              EXISTS { MATCH (:Entity {id: $retired}) } AS resurrected`,
      { changed: changed.id, edited: edited.id, retired: retired.id, retiredParameters: retired.parameters },
    );
    expect(after).toEqual({
      changed: 999e9,
      edited: 123e9,
      added: 7e9,
      editedClaims: expect.arrayContaining(['EDITOR:123000000000:true', 'DATABASE:999000000000:false']),
      retiredKept: true,
      resurrected: false,
    });
    expect(
      await runner.read(
        "MATCH (e)-[c:CLAIM {tier: 'SEED'}]->(s) RETURN e.id + c.field + s.id + c.value AS key ORDER BY key",
      ),
    ).toEqual(seedClaims);
  });
});
