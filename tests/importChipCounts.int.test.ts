/**
 * `npm run import -- epoch-ai-chip-counts` into a real Neo4j after the seed: each owner's holdings of each vendor's
 * chips as one HOLDS_CHIPS_OF relationship with its estimates, the aggregate owners as what they are, the owner
 * depending on the vendor; the figures compared with a reading of the CSVs apart from the importer
 * (tests/chipCountsPlain.ts).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { importBatch, importerOf, readBatch } from '../src/imports/importSource';
import { SHIPPED_CHIP_COUNTS, newestByPair, newestGeneratedOn, plainRows } from './chipCountsPlain';
import { graphChecksum } from './support/testDatabase';
import { IMPORT_OPTIONS, seededRunner } from './support/importGraph';

const run = promisify(execFile);
const EXPORT = path.join(SHIPPED_CHIP_COUNTS, 'owners_csv_export');
const rows = plainRows();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chip-counts-import-'));

let runner: QueryRunner;
const importPath = (file: string, dryRun = false) =>
  importBatch(runner, readBatch(importerOf('epoch-ai-chip-counts')!, file), { ...IMPORT_OPTIONS, dryRun });

const importCli = (...args: string[]) =>
  run(process.execPath, [path.join(projectRoot, 'dist/src/cli/import.js'), ...args], { env: { ...process.env } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** A copy of the shipped owners_csv_export folder with `change` applied to the text of its NVIDIA totals file. */
function variant(name: string, change: (text: string) => string): string {
  const copy = path.join(tmp, name, 'owners_csv_export');
  fs.cpSync(EXPORT, copy, { recursive: true });
  const file = path.join(copy, 'nvidia_owners_cumulative_totals.csv');
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
  return copy;
}

/** Each HOLDS_CHIPS_OF in the graph, by "owner name -> vendor name", with its estimates and its ends' ids. */
async function holdingsInGraph(): Promise<Map<string, { from: string; to: string; estimates: { asOf: string }[] }>> {
  const found = await runner.read(`
    MATCH (o:Company)-[h:HOLDS_CHIPS_OF]->(v:Company)
    RETURN o.name + ' -> ' + v.name AS key, o.id AS from, v.id AS to, h.estimates AS estimates`);
  return new Map(
    found.map((row) => [
      row.key as string,
      { from: row.from as string, to: row.to as string, estimates: JSON.parse((row.estimates as string) ?? 'null') },
    ]),
  );
}

beforeAll(async () => {
  runner = await seededRunner();
});

afterAll(async () => {
  await runner.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run import -- epoch-ai-chip-counts', () => {
  it("imports each owner's holdings of each vendor's chips, on the seed's companies, citing the database", async () => {
    const { plan } = await importPath(EXPORT);
    expect(plan.summary.records).toBe(rows.length);
    const [{ source }] = await runner.read(
      "MATCH (s:Source {id: 'epoch-ai-chip-counts'}) RETURN properties(s) AS source",
    );
    expect(source).toMatchObject({
      sourceKind: 'DATABASE',
      license: 'MIT',
      publisher: 'Epoch AI',
      records: rows.length,
      snapshotOn: newestGeneratedOn(),
    });

    // Vendors and the owners the seed has resolve to the seed's companies.
    const graph = await holdingsInGraph();
    expect(graph.get('Microsoft -> NVIDIA')).toMatchObject({ from: 'microsoft', to: 'nvidia' });
    expect(graph.get('Meta -> AMD')).toMatchObject({ from: 'meta', to: 'amd' });
    expect(graph.get('Oracle -> NVIDIA')).toMatchObject({ from: 'oracle', to: 'nvidia' });

    // Every owner and vendor pair of the files is one relationship whose newest estimate is the files' newest row,
    // an owner of its own chips (Google's TPUs, Amazon's Trainium) among them.
    const expected = [...newestByPair(rows)];
    expect(graph.get('Google -> Google')).toMatchObject({ from: 'google', to: 'google' });
    expect([...graph.keys()].sort()).toEqual(expected.map(([key]) => key).sort());
    for (const [key, row] of expected) {
      const estimates = graph.get(key)?.estimates as { asOf: string; h100Equivalents: number }[];
      expect({ key, newest: estimates?.at(-1) }).toMatchObject({
        key,
        newest: { asOf: row.asOf, h100Equivalents: row.median },
      });
      expect(estimates).toHaveLength(rows.filter((one) => `${one.owner} -> ${one.vendor}` === key).length);
    }
  });

  it('keeps China and Other as the aggregate owners they are', async () => {
    const owners = await runner.read(`
      MATCH (o:Company)-[:HOLDS_CHIPS_OF]->() WHERE o.aggregate IS NOT NULL
      RETURN DISTINCT o.name AS name, o.aggregate AS aggregate, o.country AS country,
             'epoch-ai-chip-counts' IN o.sourceIds AS cites ORDER BY name`);
    expect(owners).toEqual([
      { name: 'China (all owners)', aggregate: 'COUNTRY', country: 'CN', cites: true },
      { name: 'Other owners (Epoch AI chip estimates)', aggregate: 'REMAINDER', country: null, cites: true },
    ]);
  });

  it('derives the owners dependence on their chip vendors', async () => {
    const dependsOn = async (owner: string, vendor: string) =>
      (
        await runner.read(
          `MATCH (:Company {id: $owner})-[d:DEPENDS_ON {relation: 'SUPPLIED_BY'}]->(:Company {id: $vendor})
           RETURN count(d) AS count`,
          { owner, vendor },
        )
      )[0].count;
    expect(await dependsOn('microsoft', 'nvidia')).toBe(1);
    expect(await dependsOn('meta', 'amd')).toBe(1);
    // An owner of its own chips holds them without depending on itself.
    expect(await dependsOn('google', 'google')).toBe(0);
    expect(await dependsOn('amazon', 'amazon')).toBe(0);
  });

  it('changes nothing when the same snapshot is imported again', async () => {
    const before = await graphChecksum(runner);
    const { plan, lines } = await importPath(SHIPPED_CHIP_COUNTS);
    expect(plan.summary.entities.created).toBe(0);
    expect(plan.summary.entities.updated).toBe(0);
    expect(plan.summary.claims.written + plan.summary.claims.deleted).toBe(0);
    expect(plan.source).toBeNull();
    expect(lines[1]).toMatch(/^entities: 0 created, 0 updated, \d+ unchanged$/);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('with --dry-run prints what would change and writes nothing', async () => {
    const copy = variant('dry-run', (text) =>
      text.replace(/^(Microsoft cumulative Nvidia through Q1 2022,(?:[^,]*,){4})\d+/m, '$11'),
    );
    const before = await graphChecksum(runner);
    const result = await importCli('epoch-ai-chip-counts', copy, '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/dry run: nothing written/);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it.each([
    ['a bad number', (text: string) => text.replace(/,14769,/, ',14.7k,'), /nvidia_owners_cumulative_totals\.csv:2: /],
    ['a missing column', (text: string) => text.replace('Chip manufacturer', 'Maker'), /"Chip manufacturer"/],
    ['a truncated file', (text: string) => text.slice(0, text.length / 2), /nvidia_owners_cumulative_totals\.csv:\d+/],
  ])('refuses a snapshot with %s in one file, with one line, and writes nothing', async (name, change, message) => {
    const copy = variant(`refused-${name.replace(/ /g, '-')}`, change);
    const before = await graphChecksum(runner);
    const result = await importCli('epoch-ai-chip-counts', copy);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stdout).toBe('');
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('takes a newer snapshot: an extra quarter and a changed value update the estimates', async () => {
    const header = fs.readFileSync(path.join(EXPORT, 'nvidia_owners_cumulative_totals.csv'), 'utf8').split('\n')[0];
    const metaLast = newestByPair(rows).get('Meta -> NVIDIA')!;
    const copy = variant('newer', (text) => {
      const lines = text.trimEnd().split('\n');
      const microsoft = lines
        .filter((line) => line.startsWith('Microsoft cumulative Nvidia'))
        .at(-1)!
        .split(',');
      const at = (name: string) => header.split(',').indexOf(name);
      // One more quarter for Microsoft, 2026-06-30, with 4,000,000 H100e.
      microsoft[at('End date')] = '6/30/2026';
      microsoft[at('Compute estimate in H100e (median)')] = '4000000';
      // Meta's newest median changed to 2,000,001.
      const [year, month, day] = metaLast.asOf.split('-');
      const metaDate = `${Number(month)}/${Number(day)}/${year}`;
      const changed = lines.map((line) => {
        const cells = line.split(',');
        if (cells[at('Owner')] !== 'Meta' || cells[at('End date')] !== metaDate) return line;
        cells[at('Compute estimate in H100e (median)')] = '2000001';
        return cells.join(',');
      });
      return [...changed, microsoft.join(',')].join('\n') + '\n';
    });
    const { plan } = await importPath(copy);
    expect(plan.summary.entities.created).toBe(0);
    const graph = await holdingsInGraph();
    const microsoft = graph.get('Microsoft -> NVIDIA')!.estimates as { asOf: string; h100Equivalents: number }[];
    const meta = graph.get('Meta -> NVIDIA')!.estimates as { asOf: string; h100Equivalents: number }[];
    const count = (key: string) => rows.filter((one) => `${one.owner} -> ${one.vendor}` === key).length;
    expect(microsoft).toHaveLength(count('Microsoft -> NVIDIA') + 1);
    expect(microsoft.at(-1)).toMatchObject({ asOf: '2026-06-30', h100Equivalents: 4_000_000 });
    expect(meta).toHaveLength(count('Meta -> NVIDIA'));
    expect(meta.at(-1)).toMatchObject({ asOf: metaLast.asOf, h100Equivalents: 2_000_001 });
  });
});
