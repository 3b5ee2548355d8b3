import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { LauncherError, ensureLauncherBuilt, jvmEnvironment, launcherLibraries, requireCommand } from './startNeo4j';

const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
/** The launcher's one database: its store and transaction logs live under <data dir>/data (the data dir is home). */
const DATABASE = 'neo4j';

export interface AdminImportOptions {
  /** The launcher's data directory, which is Neo4j's home. */
  dataDir: string;
  nodes: string[];
  relationships: string[];
  arrayDelimiter: string;
  /** Fields may span lines (slower: the importer then reads each file in one thread). */
  multiline: boolean;
  /** Where the importer writes its report of bad entries. */
  reportFile: string;
  heap: string;
  /** More arguments for the importer, after the project's. */
  extraArgs?: readonly string[];
  /** Stops the importer (SIGTERM) when aborted; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** Given a launcher's data directory, returns the directories of its database's store and transaction logs. */
export function databaseDirsOf(dataDir: string): { store: string; transactions: string } {
  return {
    store: path.join(dataDir, 'data', 'databases', DATABASE),
    transactions: path.join(dataDir, 'data', 'transactions', DATABASE),
  };
}

/** Deletes the store and transaction logs of the launcher's database (stopped): the next start finds it empty. */
export function removeDatabase(dataDir: string): void {
  const { store, transactions } = databaseDirsOf(dataDir);
  for (const dir of [store, transactions]) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Given CSV files and the launcher's (stopped) data directory, runs Neo4j's importer (`neo4j-admin database import
 * full`, from the launcher's classpath) into its database, replacing whatever it held; resolves with the importer's
 * summary lines, or rejects with a LauncherError that quotes the end of its output.
 */
export async function adminImport(options: AdminImportOptions): Promise<string[]> {
  requireCommand('java', ['-version'], 'install Java 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  ensureLauncherBuilt(options.log);
  const args = [
    `-Xmx${options.heap}`,
    '-cp',
    launcherLibraries(),
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    DATABASE,
    ...options.nodes.map((file) => `--nodes=${file}`),
    ...options.relationships.map((file) => `--relationships=${file}`),
    `--array-delimiter=U+${options.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    `--multiline-fields=${options.multiline}`,
    `--report-file=${options.reportFile}`,
    '--overwrite-destination=true',
    ...(options.extraArgs ?? []),
  ];
  const child = spawn('java', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...jvmEnvironment(), NEO4J_HOME: options.dataDir },
  });
  const output: string[] = [];
  const keep = (line: string) => output.push(line) > 200 && output.shift();
  readline.createInterface({ input: child.stdout! }).on('line', keep);
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  const stop = () => child.kill('SIGTERM');
  options.signal?.addEventListener('abort', stop, { once: true });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => options.signal?.removeEventListener('abort', stop));
  options.signal?.throwIfAborted();
  const meaningful = output.filter((line) => line.trim() !== '' && !/^[-.\s]*\d+%/.test(line));
  if (code !== 0) {
    const last = meaningful.at(-1) ?? 'no output';
    throw new LauncherError(
      `Neo4j's importer exited with code ${code}: ${last}\n(report: ${options.reportFile}; its last lines:)\n` +
        meaningful.slice(-12).join('\n'),
    );
  }
  const done = meaningful.findIndex((line) => line.startsWith('IMPORT DONE'));
  return done < 0 ? meaningful.slice(-6) : meaningful.slice(done);
}
