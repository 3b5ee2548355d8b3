import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../config';

/** A launcher problem a person can fix, said in one line. */
export class LauncherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LauncherError';
  }
}

export interface StartOptions {
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  /** The password of user neo4j (NEO4J_PASSWORD); without it, the one kept in the data directory. */
  password?: string;
  /** Receives build and progress lines meant for a person. */
  log?: (line: string) => void;
}

export interface RunningNeo4j {
  uri: string;
  /** The password its clients must give as user neo4j. */
  password: string;
  /** The launcher's one ready line. */
  readyLine: string;
  child: ChildProcess;
  /** Stops Neo4j cleanly and resolves when the process has exited. */
  stop(): Promise<void>;
}

const LAUNCHER_DIR = path.join(projectRoot, 'launcher');
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const BUILT_STAMP = path.join(TARGET_DIR, '.built');
const MAIN_CLASS = 'Neo4jLauncher';
const JVM_OPENS = ['java.base/java.nio', 'java.base/java.io', 'java.base/sun.nio.ch'].flatMap((pkg) => [
  '--add-opens',
  `${pkg}=ALL-UNNAMED`,
]);
const READY = /ready at (bolt:\/\/\S+)/;
const START_TIMEOUT_MS = 180_000;
/** What the JVM inherits of this process's environment: nothing of the server's settings and secrets. */
const JVM_ENVIRONMENT = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LC_[A-Z_]+|TZ|TMPDIR|JAVA_HOME|JAVA_TOOL_OPTIONS)$/;

/** The file in a launcher's data directory that holds the password of user neo4j, readable by its owner only. */
export function passwordFileOf(dataDir: string): string {
  return path.join(dataDir, 'auth', 'password');
}

/** Given a data directory, returns the password its launcher keeps there (undefined before the first start). */
export function readPassword(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(passwordFileOf(dataDir), 'utf8').split(/\r?\n/)[0] || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The launcher's jars (Neo4j and its tools, the importer among them), as a classpath entry. */
export function launcherLibraries(): string {
  return path.join(TARGET_DIR, 'lib', '*');
}

/** Writes a chosen password where the launcher reads it, the directories and the file owner-only. */
function writePassword(dataDir: string, password: string): void {
  const file = passwordFileOf(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  fs.chmodSync(path.dirname(file), 0o700);
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** What a JVM the project starts inherits of this process's environment. */
export function jvmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => JVM_ENVIRONMENT.test(name)));
}

export function requireCommand(command: string, args: string[], advice: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore', env: process.env });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new LauncherError(`${command} was not found on PATH: ${advice}, or set NEO4J_URI to use a Neo4j of your own`);
  }
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** Builds the launcher with Maven when it was never built or its pom or source changed since. */
export function ensureLauncherBuilt(log: (line: string) => void = () => undefined): void {
  const sourcesChanged = () =>
    Math.max(newestMtime(path.join(LAUNCHER_DIR, 'pom.xml')), newestMtime(path.join(LAUNCHER_DIR, 'src'))) >
    fs.statSync(BUILT_STAMP).mtimeMs;
  if (fs.existsSync(BUILT_STAMP) && !sourcesChanged()) return;
  requireCommand('mvn', ['-v'], 'install Maven 3.8+ (Debian: apt-get install maven)');
  log('building the Neo4j launcher with Maven (the first build downloads Neo4j 5.26 from Maven Central)...');
  const build = spawnSync('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  });
  if (build.status !== 0) {
    const tail = `${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new LauncherError(
      `building the Neo4j launcher failed (mvn -f launcher/pom.xml package exited ${build.status}):\n${tail}`,
    );
  }
  fs.writeFileSync(BUILT_STAMP, new Date().toISOString());
}

/** Starts Neo4j through the launcher (building it on first use) and resolves once it accepts Bolt connections. */
export async function startNeo4j(options: StartOptions): Promise<RunningNeo4j> {
  const log = options.log ?? (() => undefined);
  requireCommand('java', ['-version'], 'install Java 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  ensureLauncherBuilt(log);
  if (options.password !== undefined) writePassword(options.dataDir, options.password);
  const args = [
    ...JVM_OPENS,
    `-Xmx${options.heap}`,
    '-cp',
    [path.join(TARGET_DIR, 'classes'), launcherLibraries()].join(path.delimiter),
    MAIN_CLASS,
    '--port',
    String(options.port),
    '--data',
    options.dataDir,
    '--pagecache',
    options.pageCache,
    '--password-file',
    passwordFileOf(options.dataDir),
  ];
  // stdin stays an open pipe we never write to: the launcher stops when it closes, i.e. when this process dies.
  // Its own process group keeps a signal to ours (Ctrl-C, a service manager's stop) from stopping it before the
  // server has drained; the server stops it afterwards.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], env: jvmEnvironment(), detached: true });
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line) > 50 && stderr.shift());
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const readyLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LauncherError(
          `Neo4j did not report ready within ${START_TIMEOUT_MS / 1000} s; see ${path.join(options.dataDir, 'logs')}`,
        ),
      );
    }, START_TIMEOUT_MS);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (READY.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const reason = stderr.find((line) => line.startsWith('neo4j-launcher: ')) ?? stderr.slice(-5).join('\n');
      reject(new LauncherError(reason || `the Neo4j launcher exited with code ${code} before it was ready`));
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    })());
  const password = readPassword(options.dataDir);
  if (password === undefined) {
    await stop();
    throw new LauncherError(
      `the Neo4j launcher reported ready but left no password in ${passwordFileOf(options.dataDir)}`,
    );
  }
  return { uri: READY.exec(readyLine)![1], password, readyLine, child, stop };
}
