/**
 * npm run bench:load-seed [-- --companies 100000] [--seed 42]
 *
 * Generates the synthetic graph of --companies companies as JSON Lines seed files in a temporary folder
 * (`npm run synthetic`), then loads it with `npm run seed -- --bulk --reset` into a launcher of its own (a temporary
 * data directory and a free port, no NEO4J_URI), which goes through Neo4j's importer: CSV files written while
 * validating, the offline import, the start, the schema and the count check. Both commands run as processes of their
 * own, so the RSS is the loader's alone. It prints each phase with its rows per second, then starts the database
 * again and checks its counts by label and type against the seed files and that its full-text index answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { freePort } from '../src/neo4j/freePort';
import { openDatabase } from '../src/neo4j/openDatabase';
import { checkSeedFolder } from '../src/seed/loadSeed';
import { SectionRecorder } from './benchmarksFile';
import { runSeed, writeSyntheticSeed } from './support';

const log = (line: string) => console.error(`bench: ${line}`);
const loadAverage = () => os.loadavg()[0].toFixed(1);
const SUMMARY =
  /^seed: bulk import: (\d+) nodes, (\d+) relationships, (\d+) claims and (\d+) dependencies \((\d+) rows\) in ([\d.]+) s: \d+ rows\/s \((.*)\); peak RSS (\d+) MB$/;
const TARGET_SECONDS = 30;

async function main() {
  const { values } = parseArgs({
    options: { companies: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } },
    strict: true,
  });
  const [companies, seed] = [Number(values.companies), Number(values.seed)];
  if (![companies, seed].every(Number.isInteger)) throw new Error('--companies and --seed must be whole numbers');
  if (process.env.BENCH_NEO4J_URI) log('BENCH_NEO4J_URI is not used: the importer needs a launcher of its own');
  const recorder = new SectionRecorder('bench:load-seed');

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-seed-'));
  const dir = path.join(root, 'seed');
  const { NEO4J_URI: _uri, NEO4J_PASSWORD: _password, ...inherited } = process.env;
  const env = {
    ...inherited,
    NEO4J_DATA_DIR: path.join(root, 'neo4j'),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: process.env.NEO4J_HEAP ?? '2g',
    NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? '1g',
  };
  try {
    log(`generating ${companies} companies (seed ${seed}) into ${dir}`);
    writeSyntheticSeed(dir, companies, seed);
    const loadBefore = loadAverage();
    const { lines, seconds } = await runSeed(['--dir', dir, '--bulk', '--reset'], env);
    const summary = lines.map((line) => SUMMARY.exec(line)).find(Boolean);
    if (!summary) throw new Error('npm run seed printed no bulk-import summary (did it fall back to transactions?)');
    const [nodes, relationships, claims, dependencies, rows] = summary.slice(1, 6).map(Number);
    const phases = summary[7].split(', ').map((phase) => {
      const [, name, time] = /^(\S+) ([\d.]+) s$/.exec(phase)!;
      return { name, seconds: Number(time) };
    });
    const total = Number(summary[6]);
    const withoutClaims = nodes + relationships + dependencies;

    console.log(`\nbulk load through Neo4j's importer, synthetic graph of ${companies} companies (seed ${seed})`);
    console.log(
      `rows: ${nodes} nodes + ${relationships} relationships + ${dependencies} dependencies = ${withoutClaims}; ` +
        `with ${claims} claims, ${rows}`,
    );
    // Rows per second where a phase goes through the rows: writing the CSV files and importing them.
    const rate = (name: string, time: number) =>
      ['validate+csv', 'import', 'all phases'].includes(name) ? `${Math.round(rows / time)} rows/s` : '';
    const row = (name: string, time: number) =>
      `  ${name.padEnd(13)} ${time.toFixed(1).padStart(6)} s  ${rate(name, time).padStart(14)}`.trimEnd();
    for (const phase of phases) console.log(row(phase.name, phase.seconds));
    const met = total < TARGET_SECONDS ? 'met' : 'MISSED';
    console.log(`${row('all phases', total)} (target under ${TARGET_SECONDS} s: ${met})`);
    console.log(`whole command (node start-up and the launcher's stop included): ${seconds.toFixed(1)} s`);
    console.log(`peak RSS of the loader: ${summary[8]} MB`);
    console.log(`load average: ${loadBefore} before, ${loadAverage()} after, on ${os.cpus().length} cores`);
    await checkServed(dir, env);
    recorder.section('bench:load-seed', 'Bulk load of the 100k synthetic graph');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Starts the loaded database again and checks its counts against the seed files and that full-text search answers. */
async function checkServed(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const database = await openDatabase(loadConfig(env).neo4j, log);
  try {
    const { check } = checkSeedFolder(dir);
    const mismatches: string[] = [];
    const compare = async (what: string, query: string, wanted: number) => {
      const [row] = await database.runner.read(query);
      if (row.count !== wanted)
        mismatches.push(`${what}: ${String(row.count)} in the database, ${wanted} in the seed files`);
    };
    for (const [label, count] of check.tally.labels)
      await compare(label, `MATCH (n:${label}) RETURN count(n) AS count`, count);
    for (const [type, count] of check.tally.types)
      await compare(type, `MATCH ()-[r:${type}]->() RETURN count(r) AS count`, count);
    if (mismatches.length > 0)
      throw new Error(`the loaded graph does not match the seed files:\n${mismatches.join('\n')}`);
    const [company] = await database.runner.read(
      'MATCH (c:Company) RETURN c.id AS id, c.name AS name ORDER BY c.id LIMIT 1',
    );
    const found = await database.runner.read(
      "CALL db.index.fulltext.queryNodes('entity_names', $name) YIELD node RETURN node.id AS id LIMIT 10",
      { name: `"${String(company.name)}"` },
    );
    if (!found.some((row) => row.id === company.id))
      throw new Error(`full-text search for "${String(company.name)}" did not find ${String(company.id)}`);
    console.log(
      `served: every label (${check.tally.labels.size}) and type (${check.tally.types.size}) matches the seed ` +
        `files; full-text search finds ${String(company.id)} by its name`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
