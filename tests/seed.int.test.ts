import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import { GRAPH, claimedFields } from '../src/domain/graphModel';
import type { QueryRunner } from '../src/db/queryRunner';
import { SeedValidationError, loadSeed, readSeed, summarize } from '../src/seed/loadSeed';
import { FILE_SPECS } from '../src/seed/seedSpec';
import { writeSeed } from '../src/seed/writeSeed';
import { seedDependencies } from './support/seedOracle';
import { connectTestRunner, emptyDatabase, graphChecksum } from './support/testDatabase';

const CLAIMED = claimedFields(GRAPH);

const SEED_DIR = path.join(projectRoot, 'seed');
const quiet = { reset: false, batchSize: 50 };

/** Reads the seed files with a plain YAML parser, independently of the loader; an optional file absent has none. */
function seedRecords(): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    FILE_SPECS.map(({ file, optional }) => {
      const full = path.join(SEED_DIR, file);
      if (optional && !fs.existsSync(full)) return [file, []];
      return [file, parse(fs.readFileSync(full, 'utf8')) ?? []];
    }),
  );
}

function copySeed(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-copy-'));
  fs.cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file);
  fs.writeFileSync(full, change(fs.readFileSync(full, 'utf8')));
}

let runner: QueryRunner;
const copies: string[] = [];

beforeAll(async () => {
  runner = await connectTestRunner();
  await emptyDatabase(runner);
  await applySchema(runner);
});

afterAll(async () => {
  await runner.close();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the seed graph', () => {
  it('loads with the counts of the seed files', async () => {
    const { report } = await loadSeed(runner, SEED_DIR, quiet);
    const records = seedRecords();
    for (const { file, label } of FILE_SPECS) {
      const [row] = await runner.read(`MATCH (n:${label}) RETURN count(n) AS count`);
      expect({ file, count: row.count }).toEqual({ file, count: records[file].length });
    }
    const total = Object.values(records).reduce((sum, list) => sum + list.length, 0);
    const [entities] = await runner.read('MATCH (n:Entity) RETURN count(n) AS count');
    expect(entities.count).toBe(total);
    expect(report.nodes).toEqual({ created: total, updated: 0, unchanged: 0 });

    const listed = (file: string, field: string) =>
      records[file].reduce((sum, record) => sum + ((record[field] as unknown[] | undefined)?.length ?? 0), 0);
    const expected: Record<string, number> = {
      DEVELOPS: listed('models.yaml', 'developers'),
      PROVIDES: listed('services.yaml', 'providers'),
      BUILT_ON: listed('services.yaml', 'models'),
      SERVES: listed('services.yaml', 'industries'),
      ADOPTS: listed('companies.yaml', 'adopts'),
      PARTICIPATES_IN: listed('companies.yaml', 'stages'),
      PARTY_TO: listed('partnerships.yaml', 'parties'),
      SUBSIDIARY_OF: records['companies.yaml'].filter((company) => company.parent !== undefined).length,
      CITES: Object.entries(records)
        .filter(([file]) => file !== 'sources.yaml')
        .reduce(
          (sum, [, list]) => sum + list.reduce((inner, record) => inner + (record.sources as unknown[]).length, 0),
          0,
        ),
      DEPENDS_ON: seedDependencies(SEED_DIR).length,
      // One claim per claimed property a record gives a value (docs/claims.md).
      CLAIM: FILE_SPECS.reduce(
        (sum, { file, label }) =>
          sum +
          records[file].reduce(
            (inner, record) =>
              inner +
              (CLAIMED[label] ?? []).filter((field) => record[field] !== undefined && record[field] !== null).length,
            0,
          ),
        0,
      ),
    };
    const rows = await runner.read('MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count');
    expect(Object.fromEntries(rows.map((row) => [row.type, row.count]))).toEqual(expected);
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await graphChecksum(runner);
    const { report } = await loadSeed(runner, SEED_DIR, quiet);
    expect(
      report.nodes.created + report.nodes.updated + report.relationships.created + report.relationships.updated,
    ).toBe(0);
    expect(summarize(report)).toMatch(/^no changes \(\d+ nodes and \d+ relationships unchanged\)$/);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('gives every node and every relationship at least one source that exists', async () => {
    const [nodes] = await runner.read(`
      MATCH (n)
      WHERE n.sourceIds IS NULL OR size(n.sourceIds) = 0
         OR any(id IN n.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) })
      RETURN count(n) AS bad, collect(n.id)[..5] AS examples`);
    expect(nodes).toEqual({ bad: 0, examples: [] });
    // A claim's source is its end: the record's first source.
    const [claims] = await runner.read(`
      MATCH (n:Entity)-[c:CLAIM]->(s)
      WHERE NOT s:Source OR n.sourceIds[0] <> s.id
      RETURN count(c) AS bad`);
    expect(claims.bad).toBe(0);
    const [rels] = await runner.read(`
      MATCH ()-[r]->()
      WHERE type(r) <> 'CLAIM' AND (r.sourceIds IS NULL OR size(r.sourceIds) = 0
         OR any(id IN r.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }))
      RETURN count(r) AS bad`);
    expect(rels.bad).toBe(0);
    const [cites] = await runner.read(
      'MATCH (n:Entity) WHERE NOT n:Source AND NOT (n)-[:CITES]->(:Source) RETURN count(n) AS uncited',
    );
    expect(cites.uncited).toBe(0);
  });

  it('holds the facts the report is about', async () => {
    const [row] = await runner.read(`
      MATCH (openai:Company {id: 'openai'})-[:DEVELOPS]->(gpt4:FoundationModel {id: 'gpt-4'})
      MATCH (naver:Company {id: 'naver'})-[:DEVELOPS]->(hcx:FoundationModel)
      WHERE hcx.id STARTS WITH 'hyperclova'
      MATCH (ms:Company {id: 'microsoft'})-[:PARTY_TO]->(deal:Partnership)<-[:PARTY_TO]-(openai)
      RETURN naver.nameKo AS naverKo, count(DISTINCT deal) > 0 AS tied`);
    expect(row).toEqual({ naverKo: '네이버', tied: true });
  });

  it('finds Korean and English names through the full-text index', async () => {
    const search = async (text: string) =>
      (
        await runner.read(
          "CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node RETURN node.id AS id LIMIT 5",
          { text },
        )
      ).map((row) => row.id);
    expect(await search('네이버')).toContain('naver');
    expect(await search('Naver')).toContain('naver');
    const hyperclova = await search('hyperclova');
    expect(hyperclova.some((id) => String(id).startsWith('hyperclova'))).toBe(true);
    const korean = await search('하이퍼클로바');
    expect(korean.some((id) => String(id).startsWith('hyperclova'))).toBe(true);
  });
});

describe('a broken seed folder', () => {
  let before: string;
  beforeAll(async () => {
    before = await graphChecksum(runner);
  });

  async function refused(dir: string): Promise<SeedValidationError> {
    const error = await loadSeed(runner, dir, { ...quiet, reset: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect(await graphChecksum(runner)).toBe(before);
    return error as SeedValidationError;
  }

  it('refuses malformed YAML, naming the file and line, and writes nothing', async () => {
    const dir = copySeed();
    copies.push(dir);
    edit(dir, 'models.yaml', (text) => `${text}\n- id: broken\n  name: [unclosed\n`);
    const error = await refused(dir);
    expect(error.message).toMatch(/models\.yaml:\d+ is not valid YAML/);
  });

  it('refuses a dangling reference, naming the file and record, and writes nothing', async () => {
    const dir = copySeed();
    copies.push(dir);
    edit(
      dir,
      'services.yaml',
      (text) =>
        `${text}\n- id: ghost-service\n  name: Ghost\n  providers: [no-such-company]\n` +
        `  sources: [${firstSourceId()}]\n`,
    );
    const error = await refused(dir);
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'services.yaml',
        record: 'ghost-service',
        message: expect.stringContaining('"no-such-company" is not defined'),
      }),
    ]);
  });

  it('refuses a duplicate id, naming both places, and writes nothing', async () => {
    const dir = copySeed();
    copies.push(dir);
    edit(
      dir,
      'industries.yaml',
      (text) => `${text}\n- id: openai\n  name: Not a company\n  sources: [${firstSourceId()}]\n`,
    );
    const error = await refused(dir);
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'companies.yaml',
        record: 'openai',
        message: expect.stringMatching(/already defined at industries\.yaml:\d+/),
      }),
    ]);
  });

  it('lists every problem at once from the command line, exits non-zero and writes nothing', async () => {
    const dir = copySeed();
    copies.push(dir);
    edit(
      dir,
      'services.yaml',
      (text) =>
        `${text}\n- id: ghost-service\n  name: Ghost\n  providers: [no-such-company]\n` +
        `  sources: [${firstSourceId()}]\n`,
    );
    edit(
      dir,
      'industries.yaml',
      (text) => `${text}\n- id: openai\n  name: Not a company\n  sources: [${firstSourceId()}]\n`,
    );
    edit(
      dir,
      'stages.yaml',
      (text) =>
        `${text}\n- id: extra-stage\n  name: Extra\n  order: one\n  layer: CORE\n  sources: [${firstSourceId()}]\n`,
    );
    const result = await promisify(execFile)(
      process.execPath,
      [path.join(projectRoot, 'dist/src/cli/seed.js'), '--dir', dir, '--reset'],
      {
        env: { ...process.env },
      },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in result && result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe(`seed: 3 problems in the seed files of ${dir}:`);
    expect(lines.slice(1, 4)).toEqual([
      expect.stringMatching(/^ {2}stages\.yaml:\d+ \[extra-stage\] order: must be a whole number/),
      expect.stringMatching(
        /^ {2}companies\.yaml:\d+ \[openai\] id: "openai" is already defined at industries\.yaml:\d+$/,
      ),
      expect.stringMatching(
        /^ {2}services\.yaml:\d+ \[ghost-service\] providers\[1\]: "no-such-company" is not defined/,
      ),
    ]);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('counts relationships that the files no longer define, and keeps them', async () => {
    const dir = copySeed();
    copies.push(dir);
    edit(dir, 'companies.yaml', (text) => text.replace(/^(\s*)adopts:.*\n((\1 +- .*\n)*)/m, ''));
    const dropped = readSeed(SEED_DIR).relationships.length - readSeed(dir).relationships.length;
    expect(dropped).toBeGreaterThan(0);
    const { report } = await loadSeed(runner, dir, quiet);
    expect(report.staleRelationships).toBe(dropped);
    expect(summarize(report)).toContain(
      `0 entities and ${dropped} relationships in the database are not in the seed files`,
    );
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('re-derives dependencies when a partnership changes kind, and drops those whose facts are gone', async () => {
    const dir = copySeed();
    copies.push(dir);
    const deals = parse(fs.readFileSync(path.join(SEED_DIR, 'partnerships.yaml'), 'utf8')) as {
      id: string;
      kind: string;
      parties: { role: string }[];
    }[];
    const deal = deals.find((d) => d.kind === 'INVESTMENT')!;
    deal.kind = 'COLLABORATION';
    for (const party of deal.parties) party.role = 'partner';
    fs.writeFileSync(path.join(dir, 'partnerships.yaml'), stringify(deals));
    const { report } = await loadSeed(runner, dir, quiet);
    expect(report.dependencies.written + report.dependencies.deleted).toBeGreaterThan(0);
    const derived = async () =>
      (
        await runner.read(
          'MATCH (a)-[d:DEPENDS_ON]->(b) ' +
            'RETURN a.id + " " + d.relation + " " + b.id AS edge, d.via AS via ORDER BY edge',
        )
      ).map((row) => row.edge);
    expect(await derived()).toEqual(
      seedDependencies(dir)
        .map((e) => `${e.from} ${e.relation} ${e.to}`)
        .sort(),
    );
    const [viaGone] = await runner.read('MATCH ()-[d:DEPENDS_ON]->() WHERE $id IN d.via RETURN count(d) AS count', {
      id: deal.id,
    });
    expect(viaGone.count).toBe(0);
    await loadSeed(runner, SEED_DIR, quiet);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('rolls the whole transaction back when a write fails half-way', async () => {
    const graph = readSeed(SEED_DIR);
    // A Source written first under a Company's id: the Company's :Entity uniqueness constraint then fails mid-load.
    const clash = graph.nodes.find((node) => node.label === 'Company')!;
    const sabotaged = { ...graph, nodes: [...graph.nodes, { ...clash, label: 'Source' as const }] };
    await expect(writeSeed(runner, sabotaged, { ...quiet, reset: true })).rejects.toThrow(/already exists|constraint/i);
    expect(await graphChecksum(runner)).toBe(before);
  });
});

function firstSourceId(): string {
  return String(seedRecords()['sources.yaml'][0].id);
}
