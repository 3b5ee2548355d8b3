import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../src/config';
import { applySchema } from '../src/db/applySchema';
import type { QueryRunner, TransactionRunner } from '../src/db/queryRunner';
import { BulkLoadRefused, bulkLoad } from '../src/seed/bulkLoad';
import { checkSeedFolder, loadSeed } from '../src/seed/loadSeed';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { writeSeedFolder } from '../src/synthetic/writeSeedFolder';
import { connectTestRunner, emptyDatabase, graphChecksum } from './support/testDatabase';

const options = { companies: 300, seed: 42 };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-load-'));
const run = promisify(execFile);

function syntheticFolder(name: string, format: 'jsonl' | 'yaml'): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  writeSeedFolder(dir, generateSeedRecords(options), format, options);
  return dir;
}

/** The runner, except that a write transaction fails (and rolls back) after running a statement that `fails` picks. */
function failingRunner(runner: QueryRunner, fails: (query: string) => boolean): QueryRunner {
  const flaky = Object.create(runner) as QueryRunner;
  flaky.inWriteTransaction = (work, ...rest) =>
    runner.inWriteTransaction(
      async (tx) => {
        const failing = {
          run: async (query: string, params?: Record<string, unknown>) => {
            const rows = await tx.run(query, params);
            if (fails(query)) throw new Error('injected failure');
            return rows;
          },
        };
        return work(failing as unknown as TransactionRunner);
      },
      ...rest,
    );
  return flaky;
}

const indexes = async (runner: QueryRunner) =>
  (
    await runner.read("SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' RETURN name, state ORDER BY name")
  ).map((row) => `${row.name} ${row.state}`);

let runner: QueryRunner;
let yamlDir: string;
let jsonlDir: string;
let normal: string;

beforeAll(async () => {
  runner = await connectTestRunner();
  await emptyDatabase(runner);
  await applySchema(runner);
  yamlDir = syntheticFolder('yaml', 'yaml');
  jsonlDir = syntheticFolder('jsonl', 'jsonl');
  await loadSeed(runner, yamlDir, { reset: true, batchSize: 1000 });
  normal = await graphChecksum(runner);
  await emptyDatabase(runner);
});

afterAll(async () => {
  await emptyDatabase(runner);
  await runner.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('bulkLoad', () => {
  it('leaves exactly the graph the normal load leaves: nodes, relationships, properties and dependencies', async () => {
    const schema = await indexes(runner);
    const { files, check } = checkSeedFolder(jsonlDir);
    const lines: string[] = [];
    const report = await bulkLoad(runner, files, check, {
      batchSize: 250,
      reset: false,
      dir: jsonlDir,
      onProgress: (line) => lines.push(line),
    });
    expect(await graphChecksum(runner)).toBe(normal);
    expect(report).toMatchObject({ deleted: 0, nodes: check.tally.nodes, relationships: check.tally.relationships });
    const [counts] = await runner.read('MATCH ()-[d:DEPENDS_ON]->() RETURN count(d) AS dependencies');
    expect(report.dependencies).toBe(counts.dependencies);
    expect(report.dependencies).toBeGreaterThan(0);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^nodes: ${check.tally.nodes} written in [\\d.]+ s, \\d+ rows/s$`)),
        expect.stringMatching(
          new RegExp(`^relationships: ${check.tally.relationships} written in [\\d.]+ s, \\d+ rows/s$`),
        ),
        expect.stringMatching(/^dependencies: \d+ derived in [\d.]+ s$/),
      ]),
    );
    // The indexes it rebuilt are back and online, and the full-text search finds what it loaded.
    expect(await indexes(runner)).toEqual(schema);
    const [company] = await runner.read("MATCH (c:Company {id: 'syn-co-00001'}) RETURN c.name AS name");
    const found = await runner.read(
      "CALL db.index.fulltext.queryNodes('entity_names', $name) YIELD node RETURN node.id AS id",
      { name: `"${String(company.name)}"` },
    );
    expect(found.map((row) => row.id)).toContain('syn-co-00001');
  });

  it('refuses a database that is not empty and writes nothing; with reset it replaces what is there', async () => {
    const { files, check } = checkSeedFolder(jsonlDir);
    await runner.write("CREATE (:Company:Entity {id: 'someone-else', name: 'Someone else', sourceIds: ['x']})");
    const before = await graphChecksum(runner);
    await expect(bulkLoad(runner, files, check, { batchSize: 250, reset: false, dir: jsonlDir })).rejects.toThrow(
      BulkLoadRefused,
    );
    expect(await graphChecksum(runner)).toBe(before);
    const report = await bulkLoad(runner, files, check, { batchSize: 250, reset: true, dir: jsonlDir });
    expect(report.deleted).toBe(check.tally.nodes + 1);
    expect(await graphChecksum(runner)).toBe(normal);
  });

  it('leaves the database as it was (empty) when a write fails part-way through the relationships', async () => {
    await emptyDatabase(runner);
    const schema = await indexes(runner);
    const before = await graphChecksum(runner);
    const { files, check } = checkSeedFolder(jsonlDir);
    let batches = 0;
    const flaky = failingRunner(
      runner,
      (query) => query.includes('seed/bulk-create-relationships') && (batches += 1) === 5,
    );
    const lines: string[] = [];
    await expect(
      bulkLoad(flaky, files, check, {
        batchSize: 250,
        reset: false,
        dir: jsonlDir,
        onProgress: (line) => lines.push(line),
      }),
    ).rejects.toThrow('injected failure');
    expect(lines).toContain('failed (injected failure); deleting what the load wrote');
    expect(batches).toBe(5);
    expect(await graphChecksum(runner)).toBe(before);
    expect(await indexes(runner)).toEqual(schema);
  });

  it('leaves the database as it was when its last transaction fails, after the dependencies', async () => {
    const before = await graphChecksum(runner);
    const { files, check } = checkSeedFolder(jsonlDir);
    const flaky = failingRunner(runner, (query) => query.includes('seed/bulk-finish'));
    await expect(bulkLoad(flaky, files, check, { batchSize: 1000, reset: false, dir: jsonlDir })).rejects.toThrow(
      'injected failure',
    );
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('stops between two batches when aborted, and deletes what it wrote', async () => {
    const before = await graphChecksum(runner);
    const { files, check } = checkSeedFolder(jsonlDir);
    const abort = new AbortController();
    const stopAfterNodes = (line: string) =>
      line.startsWith('nodes: ') && line.includes(' written ') && abort.abort(new Error('stopped'));
    await expect(
      bulkLoad(runner, files, check, {
        batchSize: 250,
        reset: false,
        dir: jsonlDir,
        onProgress: stopAfterNodes,
        signal: abort.signal,
      }),
    ).rejects.toThrow('stopped');
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('recognises a load that never finished and starts over only with reset', async () => {
    const { files, check } = checkSeedFolder(jsonlDir);
    await runner.write("CREATE (:SeedBulkLoad {dir: 'elsewhere'})");
    await expect(bulkLoad(runner, files, check, { batchSize: 1000, reset: false, dir: jsonlDir })).rejects.toThrow(
      /never finished/,
    );
    await bulkLoad(runner, files, check, { batchSize: 1000, reset: true, dir: jsonlDir });
    expect(await graphChecksum(runner)).toBe(normal);
  });
});

describe('npm run seed -- --bulk', () => {
  const seedCli = (...args: string[]) =>
    run(process.execPath, [path.join(projectRoot, 'dist/src/cli/seed.js'), ...args], { env: { ...process.env } }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it(`validates everything first: a problem is listed as file:line [record] message and nothing \
is written`, async () => {
    const before = await graphChecksum(runner);
    const dir = syntheticFolder('broken', 'jsonl');
    const file = path.join(dir, 'services.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[4] = lines[4].replace(/"providers":\["[^"]+"\]/, '"providers":["no-such-company"]');
    lines[6] = '{"id": broken';
    fs.writeFileSync(file, lines.join('\n'));
    const result = await seedCli('--dir', dir, '--bulk', '--reset');
    expect('code' in result && result.code).toBe(1);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([
      `seed: 2 problems in the seed files of ${dir}:`,
      '  services.jsonl:5 [syn-svc-00004] providers[1]: "no-such-company" is not defined in any seed file ' +
        '(expected a Company id)',
      expect.stringMatching(/^ {2}services\.jsonl:7 is not valid JSON: /),
    ]);
    expect(await graphChecksum(runner)).toBe(before);
  });

  it('loads a generated folder and prints rows per second and peak RSS', async () => {
    const dir = path.join(root, 'generated');
    const generated = await run(process.execPath, [
      path.join(projectRoot, 'dist/src/cli/synthetic.js'),
      '--out',
      dir,
      '--companies',
      String(options.companies),
    ]);
    expect(generated.stdout).toContain('companies.jsonl');
    const result = await seedCli('--dir', dir, '--bulk', '--reset', '--batch-size', '500');
    expect('code' in result ? result.stderr : '').toBe('');
    expect(result.stdout).toMatch(
      /^seed: bulk load: \d+ nodes, \d+ relationships, \d+ claims and \d+ dependencies \(\d+ rows\) in [\d.]+ s: \d+ rows\/s; peak RSS \d+ MB$/m,
    );
    expect(await graphChecksum(runner)).toBe(normal);
  });
});

describe('npm run synthetic', () => {
  const synthetic = (...args: string[]) =>
    run(process.execPath, [path.join(projectRoot, 'dist/src/cli/synthetic.js'), ...args]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it(`writes JSON Lines unless asked for YAML, replaces its own files of the other format, and never \
overwrites other files`, async () => {
    const dir = path.join(root, 'formats');
    await synthetic('--out', dir, '--companies', '40', '--format', 'yaml');
    expect(fs.readdirSync(dir).filter((file) => file.endsWith('.yaml'))).toHaveLength(7);
    await synthetic('--out', dir, '--companies', '40');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'companies.jsonl',
      'industries.jsonl',
      'models.jsonl',
      'partnerships.jsonl',
      'services.jsonl',
      'sources.jsonl',
      'stages.jsonl',
    ]);
    fs.writeFileSync(path.join(dir, 'models.yaml'), '- id: hand-written\n');
    const refused = await synthetic('--out', dir, '--companies', '40');
    expect('code' in refused && refused.code).toBe(1);
    expect(refused.stderr).toContain('models.yaml was not written by this generator; refusing to overwrite it');
    const format = await synthetic('--out', path.join(root, 'other'), '--format', 'csv');
    expect(format.stderr).toContain('--format must be one of jsonl, yaml');
  });
});
