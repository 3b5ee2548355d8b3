import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Neo4jConfig, loadConfig, projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import type { QueryRunner } from '../src/db/queryRunner';
import { freePort } from '../src/neo4j/freePort';
import { databaseDirsOf } from '../src/neo4j/adminImport';
import { openDatabase } from '../src/neo4j/openDatabase';
import { bulkLoad } from '../src/seed/bulkLoad';
import type { ImportFiles } from '../src/seed/importCsv';
import { ImportFailed, chooseBulkPath, importerLoad } from '../src/seed/importerLoad';
import { checkSeedFolder } from '../src/seed/loadSeed';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { writeSeedFolder } from '../src/synthetic/writeSeedFolder';
import { connectTestRunner, emptyDatabase, graphChecksum } from './support/testDatabase';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-import-test-'));
const run = promisify(execFile);
const SEED_DIR = path.join(projectRoot, 'seed');
const synthetic = { companies: 300, seed: 7 };

let shared: QueryRunner;
let config: Neo4jConfig;
let syntheticDir: string;

/** The checksum of a seed folder loaded through transactions (seed --bulk --transactional) into the shared Neo4j. */
async function transactionalChecksum(dir: string): Promise<string> {
  await emptyDatabase(shared);
  const { files, check } = checkSeedFolder(dir);
  await bulkLoad(shared, files, check, { batchSize: 500, reset: false, dir });
  const checksum = await graphChecksum(shared);
  await emptyDatabase(shared);
  return checksum;
}

/** Removes the folder of CSV files a failed import keeps (named at the end of its message); returns its path. */
function removeKept(error: unknown): string {
  const kept = /kept in (\S+)$/.exec((error as Error).message)![1];
  expect(kept.startsWith(os.tmpdir())).toBe(true);
  fs.rmSync(kept, { recursive: true, force: true });
  return kept;
}

/** The graph the launcher of `config` holds: its checksum and node count (started and stopped for the question). */
async function launcherGraph(): Promise<{ checksum: string; nodes: number }> {
  const database = await openDatabase(config, () => undefined);
  try {
    const [row] = await database.runner.read('MATCH (n) RETURN count(n) AS nodes');
    return { checksum: await graphChecksum(database.runner), nodes: row.nodes as number };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  shared = await connectTestRunner();
  await emptyDatabase(shared);
  await applySchema(shared);
  syntheticDir = path.join(root, 'synthetic');
  fs.mkdirSync(syntheticDir);
  writeSeedFolder(syntheticDir, generateSeedRecords(synthetic), 'jsonl', synthetic);
  const { NEO4J_URI: _uri, NEO4J_PASSWORD: _password, ...env } = process.env;
  config = loadConfig({
    ...env,
    NEO4J_DATA_DIR: path.join(root, 'neo4j'),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  }).neo4j;
});

afterAll(async () => {
  await emptyDatabase(shared);
  await shared.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("seed --bulk through Neo4j's importer", () => {
  it('imports the graph the transactional load makes (same checksum) with the schema, timing each phase', async () => {
    const expected = await transactionalChecksum(syntheticDir);
    const lines: string[] = [];
    const report = await importerLoad(config, syntheticDir, { log: (line) => lines.push(line), keepRunning: true });
    const database = report.database!;
    try {
      expect(await graphChecksum(database.runner)).toBe(expected);
      const { check } = checkSeedFolder(syntheticDir);
      expect(report).toMatchObject({ nodes: check.tally.nodes, relationships: check.tally.relationships });
      expect(report.claims).toBeGreaterThan(0);
      expect(report.dependencies).toBeGreaterThan(0);
      const constraints = await database.runner.read('SHOW CONSTRAINTS YIELD name RETURN name');
      expect(constraints.map((row) => row.name)).toContain('entity_id');
      const indexes = await database.runner.read(
        "SHOW INDEXES YIELD name, state WHERE name = 'entity_names' RETURN state",
      );
      expect(indexes).toEqual([{ state: 'ONLINE' }]);
    } finally {
      await database.close();
    }
    for (const phase of ['validate+csv', 'import', 'start', 'schema', 'verify'])
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${phase.replace('+', '\\+')}: [\\d.]+ s$`)));
  });

  it("imports the repository's seed files, with an empty list and a two-line text, as transactions do", async () => {
    const dir = path.join(root, 'repository-seed');
    fs.cpSync(SEED_DIR, dir, { recursive: true });
    const companies = path.join(dir, 'companies.yaml');
    const text = fs.readFileSync(companies, 'utf8');
    const edited = text
      .replace('- id: apple\n', '- id: apple\n  aliases: []\n')
      .replace('description: "Ranked 1st by market cap;', 'description: "Ranked \\"1st\\",\\nby market cap;');
    expect(edited).toContain('aliases: []');
    expect(edited).toContain('Ranked \\"1st\\",\\nby');
    fs.writeFileSync(companies, edited);
    const expected = await transactionalChecksum(dir);
    const report = await importerLoad(config, dir, { keepRunning: true });
    try {
      const runner = report.database!.runner;
      expect(await graphChecksum(runner)).toBe(expected);
      const [apple] = await runner.read(
        "MATCH (c:Company {id: 'apple'}) RETURN c.aliases AS aliases, c.description AS d",
      );
      expect(apple.aliases).toEqual([]);
      expect(apple.d).toMatch(/^Ranked "1st",\nby market cap;/);
    } finally {
      await report.database!.close();
    }
  });

  it('keeps the transactional path, and says why, for a non-empty database, NEO4J_URI or --transactional', async () => {
    const held = await chooseBulkPath(config, { reset: false, transactional: false }, () => undefined);
    expect(held).toMatchObject({
      importer: false,
      reason: expect.stringMatching(/^the database in .* holds \d+ nodes \(--reset replaces them/),
    });
    await (held as { database?: { close(): Promise<void> } }).database?.close();
    expect(await chooseBulkPath(config, { reset: true, transactional: false }, () => undefined)).toEqual({
      importer: true,
    });
    const uri = await chooseBulkPath(
      { ...config, uri: 'bolt://db.example:7687' },
      { reset: true, transactional: false },
      () => undefined,
    );
    expect(uri).toEqual({
      importer: false,
      reason: 'NEO4J_URI is set: bolt://db.example:7687 is a database this command does not own, so it cannot stop it',
    });
    expect(await chooseBulkPath(config, { reset: true, transactional: true }, () => undefined)).toEqual({
      importer: false,
      reason: '--transactional was given',
    });
  });

  it('leaves an empty database and says where when the importer fails on a malformed CSV file', async () => {
    const damage = (files: ImportFiles) =>
      fs.appendFileSync(files.relationships[0], '"syn-co-00001","no-such-node","CITES","x","CONFIRMED",,\n"broken\n');
    const error = await importerLoad(config, syntheticDir, { beforeImport: damage }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFailed);
    const message = (error as Error).message;
    expect(message).toMatch(/^bulk import failed at import: Neo4j's importer exited with code \d+: /);
    expect(message).toContain(`the database in ${config.launcher.dataDir} was emptied`);
    expect(fs.existsSync(path.join(/kept in (\S+)$/.exec(message)![1], 'relationships.csv'))).toBe(true);
    removeKept(error);
    expect(await launcherGraph()).toMatchObject({ nodes: 0 });
  });

  it('leaves an empty database when the counts after the import differ from the CSV files', async () => {
    // A relationship dropped between writing and importing: the importer takes the file, the count check does not.
    let type = '';
    const drop = (files: ImportFiles) => {
      const file = files.relationships.find((name) => name.endsWith('/relationships.csv'))!;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      type = JSON.parse(lines[1].split(',')[2]) as string;
      fs.writeFileSync(file, [...lines.slice(0, 1), ...lines.slice(2)].join('\n'));
    };
    const error = await importerLoad(config, syntheticDir, { beforeImport: drop }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFailed);
    const [, counted, written] = new RegExp(
      `^bulk import failed at verify: the imported counts differ from the CSV files:\n${type} relationships: ` +
        '(\\d+) in the database, (\\d+) written\nall relationships: ',
    ).exec((error as Error).message)!;
    expect(Number(counted)).toBe(Number(written) - 1);
    removeKept(error);
    expect(await launcherGraph()).toMatchObject({ nodes: 0 });
    expect(fs.existsSync(databaseDirsOf(config.launcher.dataDir).store)).toBe(true);
  });
  it('stops when aborted, after the phase in flight, and leaves an empty database', async () => {
    const abort = new AbortController();
    const error = await importerLoad(config, syntheticDir, {
      signal: abort.signal,
      log: (line) => line.startsWith('import: ') && abort.abort(new Error('stopped')),
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFailed);
    expect((error as Error).message).toMatch(
      /^bulk import failed at import: stopped\nthe database in \S+ was emptied;/,
    );
    removeKept(error);
    expect(await launcherGraph()).toMatchObject({ nodes: 0 });
  });
});

describe('npm run seed -- --bulk', () => {
  it('says why it loads through transactions when NEO4J_URI is set', async () => {
    const result = await run(
      process.execPath,
      [path.join(projectRoot, 'dist/src/cli/seed.js'), '--dir', syntheticDir, '--bulk', '--reset'],
      { env: { ...process.env } },
    );
    expect(result.stdout.split('\n')[0]).toBe(
      `seed: bulk load through transactions, not Neo4j's importer: NEO4J_URI is set: ${process.env.NEO4J_URI} is ` +
        'a database this command does not own, so it cannot stop it',
    );
    expect(await graphChecksum(shared)).toBe(await transactionalChecksum(syntheticDir));
  });
});

describe('npm run seed -- --bulk --reset, with the launcher to itself', () => {
  it('goes through the importer and prints the rows, each phase and rows per second', async () => {
    const { NEO4J_URI: _uri, NEO4J_PASSWORD: _password, ...env } = process.env;
    const result = await run(
      process.execPath,
      [path.join(projectRoot, 'dist/src/cli/seed.js'), '--dir', syntheticDir, '--bulk', '--reset'],
      {
        env: {
          ...env,
          NEO4J_DATA_DIR: config.launcher.dataDir,
          NEO4J_BOLT_PORT: String(config.launcher.boltPort),
          NEO4J_HEAP: config.launcher.heap,
          NEO4J_PAGECACHE: config.launcher.pageCache,
        },
      },
    );
    expect(result.stdout).toMatch(
      /^seed: bulk import: \d+ nodes, \d+ relationships, \d+ claims and \d+ dependencies \(\d+ rows\) in [\d.]+ s: \d+ rows\/s \(validate\+csv [\d.]+ s, import [\d.]+ s, start [\d.]+ s, schema [\d.]+ s, verify [\d.]+ s\); peak RSS \d+ MB$/m,
    );
    expect((await launcherGraph()).checksum).toBe(await transactionalChecksum(syntheticDir));
  });
});
