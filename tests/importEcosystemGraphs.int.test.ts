/**
 * Importing Ecosystem Graphs into a real Neo4j after the seed: the shipped snapshot, a second import of it, a dry run,
 * a refused file and a newer snapshot of a small fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { QueryRunner } from '../src/db/queryRunner';
import { ImportFormatError } from '../src/imports/importBatch';
import { importBatch, importerOf, readBatch } from '../src/imports/importSource';
import { nameKey } from '../src/imports/planImport';
import { graphChecksum } from './support/testDatabase';
import { IMPORT_OPTIONS, SEED_DIR, seededRunner } from './support/importGraph';

const SHIPPED = path.join(SEED_DIR, 'external/ecosystem-graphs/assets');
const FIXTURE = path.join(__dirname, 'fixtures/ecosystem-graphs/snapshot');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecosystem-graphs-import-'));
const importer = importerOf('ecosystem-graphs')!;

let runner: QueryRunner;
const importPath = (file: string, dryRun = false) =>
  importBatch(runner, readBatch(importer, file), { ...IMPORT_OPTIONS, dryRun });

/** The claims a source holds, as "id.field=value", sorted. */
async function claimsOf(sourceId: string, others = false): Promise<string[]> {
  const rows = await runner.read(
    `MATCH (n)-[c:CLAIM]->(s:Source) WHERE (s.id = $sourceId) <> $others
     RETURN n.id + '.' + c.field + '=' + c.value + ' ' + s.id AS claim ORDER BY claim`,
    { sourceId, others },
  );
  return rows.map((row) => row.claim as string);
}

beforeAll(async () => {
  runner = await seededRunner();
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run import -- ecosystem-graphs', () => {
  it('imports the shipped snapshot: every asset it names cites the database', async () => {
    const batch = readBatch(importer, SHIPPED);
    const { plan } = await importPath(SHIPPED);
    expect(plan.summary.records).toBe(batch.records);
    const [{ source }] = await runner.read("MATCH (s:Source {id: 'ecosystem-graphs'}) RETURN properties(s) AS source");
    expect(source).toMatchObject({
      sourceKind: 'DATABASE',
      snapshotOn: batch.source.snapshotOn,
      records: batch.records,
    });
    const ids = batch.entities
      .map((entity) => plan.resolutions.get(nameKey(entity.label, entity.name)))
      .filter((id): id is string => typeof id === 'string');
    const [{ citing }] = await runner.read(
      "MATCH (n)-[:CITES]->(:Source {id: 'ecosystem-graphs'}) WHERE n.id IN $ids RETURN count(DISTINCT n) AS citing",
      { ids },
    );
    expect(citing).toBe(new Set(ids).size);
  });

  it('changes nothing when the same snapshot is imported again', async () => {
    const before = await graphChecksum(runner);
    const { plan } = await importPath(SHIPPED);
    expect(plan.summary.entities.created).toBe(0);
    expect(plan.summary.entities.updated).toBe(0);
    expect(plan.summary.claims.written + plan.summary.claims.deleted).toBe(0);
    expect(plan.summary.relationships.created + plan.summary.relationships.updated).toBe(0);
    expect(plan.source).toBeNull();
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('with a dry run plans the changes and writes nothing', async () => {
    const before = await graphChecksum(runner);
    const { plan, lines } = await importPath(FIXTURE, true);
    expect(plan.summary.entities.created).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/dry run: nothing written/);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('refuses a file that is not a list of assets and writes nothing', async () => {
    const before = await graphChecksum(runner);
    const bad = path.join(__dirname, 'fixtures/ecosystem-graphs/bad/no-organization.yaml');
    expect(() => readBatch(importer, bad)).toThrow(ImportFormatError);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it("takes a newer snapshot: replaces this source's claims, leaves other sources' alone", async () => {
    const copy = path.join(tmp, 'snapshot');
    fs.cpSync(FIXTURE, copy, { recursive: true });
    await importPath(copy);
    const othersBefore = await claimsOf('ecosystem-graphs', true);
    const acme = path.join(copy, 'assets/acme.yaml');
    fs.writeFileSync(
      acme,
      fs
        .readFileSync(acme, 'utf8')
        .replace('size: 13B parameters (dense)', 'size: 15B parameters (dense)')
        .replace('created_date: 2024-02-10', 'created_date: 2024-06-30'),
    );
    const { plan } = await importPath(copy);
    expect(plan.summary.claims.written).toBeGreaterThan(0);
    const [{ source }] = await runner.read("MATCH (s:Source {id: 'ecosystem-graphs'}) RETURN properties(s) AS source");
    expect(source).toMatchObject({ snapshotOn: '2024-06-30' });
    const id = plan.resolutions.get(nameKey('FoundationModel', 'Acme LM'));
    const [{ parameters }] = await runner.read(
      'MATCH (m:FoundationModel {id: $id}) RETURN m.parameters AS parameters',
      {
        id,
      },
    );
    expect(parameters).toBe(15e9);
    expect(await claimsOf('ecosystem-graphs', true)).toEqual(othersBefore);
  });
});
