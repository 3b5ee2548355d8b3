import fs from 'node:fs';
import path from 'node:path';

/** Where the server finds Neo4j: an external URI, or the project's own launcher. */
export interface Neo4jConfig {
  /** Set when NEO4J_URI is given; otherwise the launcher is started. */
  uri?: string;
  user: string;
  password?: string;
  database: string;
  launcher: LauncherConfig;
}

export interface LauncherConfig {
  boltPort: number;
  dataDir: string;
  heap: string;
  pageCache: string;
}

export interface Config {
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  seedDir: string;
  seedBatchSize: number;
  /** Seed the database on start when it holds no entity yet. */
  seedOnStart: boolean;
  /** Report each request's Cypher statement count and database time in extensions.cypher. */
  traceCypher: boolean;
  /** POST /cypher for researchers' read-only Cypher; off unless CYPHER_ENDPOINT=1. */
  cypherEndpoint: { enabled: boolean; timeoutMs: number; rowCap: number };
}

/** The project's root folder (the nearest one up with a package.json), so paths work from src/ and dist/ alike. */
export const projectRoot = findRoot(__dirname);

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** A configuration problem, named by the environment variable that caused it. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** A JVM memory size such as 512m or 2g (heap and page cache). */
export const SIZE_PATTERN = /^\d+[kmg]$/i;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function size(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!SIZE_PATTERN.test(raw)) throw new ConfigError(name, `expected a size such as 512m or 2g, got "${raw}"`);
  return raw.toLowerCase();
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `expected 1 or 0, got "${raw}"`);
}

function uri(env: Env): string | undefined {
  const raw = env.NEO4J_URI;
  if (raw === undefined || raw === '') return undefined;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/.test(raw)) {
    throw new ConfigError('NEO4J_URI', `expected neo4j://, neo4j+s://, bolt:// or bolt+s:// followed by a host, got "${raw}"`);
  }
  return raw;
}

/** Reads and validates the environment; the only place that does. Throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    neo4j: {
      uri: uri(env),
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || undefined,
      database: env.NEO4J_DATABASE || 'neo4j',
      launcher: {
        boltPort: integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
        dataDir: path.resolve(projectRoot, env.NEO4J_DATA_DIR || '.data/neo4j'),
        heap: size(env, 'NEO4J_HEAP', '1g'),
        pageCache: size(env, 'NEO4J_PAGECACHE', '512m'),
      },
    },
    seedDir: path.resolve(projectRoot, env.SEED_DIR || 'seed'),
    seedBatchSize: integer(env, 'SEED_BATCH_SIZE', 1000, 1, 100000),
    seedOnStart: flag(env, 'SEED_ON_START', true),
    traceCypher: flag(env, 'TRACE_CYPHER', false),
    cypherEndpoint: {
      enabled: flag(env, 'CYPHER_ENDPOINT', false),
      timeoutMs: integer(env, 'CYPHER_TIMEOUT_MS', 5000, 1, 600_000),
      rowCap: integer(env, 'CYPHER_ROW_CAP', 1000, 1, 100_000),
    },
  };
}
