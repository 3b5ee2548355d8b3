import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { ApiKey, parseApiKeys } from './auth/apiKeys';
import { DEFAULT_SOURCE_PRECEDENCE } from './domain/claims';

/** Where the server finds Neo4j: an external URI, or the project's own launcher. */
export interface Neo4jConfig {
  /** Set when NEO4J_URI is given; otherwise the launcher is started. */
  uri?: string;
  user: string;
  password?: string;
  database: string;
  /** Connections the driver keeps at most. */
  poolSize: number;
  /** Each read transaction's timeout; also bounds connecting and retrying when Neo4j is away. */
  queryTimeoutMs: number;
  /** Timeout of a streamed export of the whole graph. */
  streamTimeoutMs: number;
  /** Log every Cypher statement sent, with its parameters, time and rows (LOG_CYPHER=1; off by default). */
  logCypher: boolean;
  launcher: LauncherConfig;
}

/** Researchers' read-only Cypher (POST /cypher): its own lane to Neo4j, apart from GraphQL's connections. */
export interface CypherEndpointConfig {
  enabled: boolean;
  /** Each query's deadline, in Neo4j and in the server. */
  timeoutMs: number;
  /** At most this many rows are returned; `truncated` says whether there were more. */
  rowCap: number;
  /** At most this many bytes of JSON rows are returned; `truncated` says whether there were more. */
  maxBytes: number;
  /** Connections of the endpoint's own driver: at most this many queries run at once. */
  poolSize: number;
  /** Queries that may wait for one of those connections; more are answered 503 BUSY. */
  queueSize: number;
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
  /** Seed the database on start when it holds no entity yet: the seed files, then the shipped databases. */
  seedOnStart: boolean;
  /**
   * Migrate at start (schema, then the seed and shipped databases when empty), as `npm run migrate` does; replicas
   * set MIGRATE_ON_START=0 and serve the database as it is.
   */
  migrateOnStart: boolean;
  /** How long a migrator's lock in the database lasts unless renewed, so a killed migrator blocks no one for ever. */
  migrateLockTtlMs: number;
  /** The shipped snapshots of external databases (seed/external), imported after the seed on an empty database. */
  externalDir: string;
  /** The shipped databases (source ids) imported at start into an empty database; all of them by default. */
  externalDatabases: string[];
  /** Imported databases in the order their claims are preferred (after editors' changes and the seed files). */
  sourcePrecedence: string[];
  /** Report each request's Cypher statement count and database time in extensions.cypher. */
  traceCypher: boolean;
  /** Remember whole-graph analytics while the database is unchanged; always on when served (benchmarks turn it off). */
  analyticsCache: boolean;
  /** With the cache, compute the whole-graph analytics ahead of requests once served (benchmarks turn it off). */
  analyticsWarm: boolean;
  /**
   * With warming, how often (ms) the database's version is polled so that writes by other processes (an import,
   * a seed) warm the whole-graph analytics too; 0: only at start and after this server's own commits.
   */
  analyticsWarmIntervalMs: number;
  /** POST /cypher for researchers' read-only Cypher; off unless CYPHER_ENDPOINT=1. */
  cypherEndpoint: CypherEndpointConfig;
  /** What one GraphQL request may ask for. */
  limits: QueryLimits;
  /**
   * Whether /graphql answers introspection and suggests field names in errors: on when the server listens on loopback
   * only or NODE_ENV is not production, off otherwise (GRAPHQL_INTROSPECTION, GRAPHQL_FIELD_SUGGESTIONS).
   */
  introspection: boolean;
  fieldSuggestions: boolean;
  /** Run each operation compiled once by graphql-jit instead of interpreted by graphql-js (GRAPHQL_JIT; on). */
  compiledExecution: boolean;
  /**
   * Requests one client (by IP address) may send per minute to /graphql, /export and /cypher; 0: no limit (the default
   * on loopback, 120 on any other address). Counted in this process: each replica behind a balancer counts its own
   * (the balancer's limit is the shared one).
   */
  rateLimitPerMinute: number;
  /**
   * Which proxies in front of the server are trusted to say the client's address (X-Forwarded-For), for the rate
   * limit and logs: a hop count (0: none, the default) or addresses and CIDR ranges; Express's `trust proxy`.
   */
  trustProxy: number | string[];
  /**
   * Origins a browser may call the API from (CORS): `http://host:port`, or `http://host:*` for any port; empty: this
   * server's own pages only; ['*']: any. On loopback the default is LOOPBACK_ORIGINS, else empty.
   */
  corsOrigins: string[];
  /** On SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are closed. */
  shutdownGraceMs: number;
  /** The API keys (hashed) and their roles; mutations need an editor's key. */
  apiKeys: ApiKey[];
  /** Queries need a key too (a reader's or an editor's). */
  requireKeyForReads: boolean;
}

/** Limits on one GraphQL request; each is answered with an error naming it and its value. */
export interface QueryLimits {
  /** Bytes of a request body (JSON). */
  bodyBytes: number;
  /** Lexical tokens of the operation text. */
  tokens: number;
  /** Nesting of fields (fragments count by their fields). */
  depth: number;
  aliases: number;
  directives: number;
  /** Estimated cost of the operation with its variables: see costPlugin in src/graphql/queryLimits.ts. */
  cost: number;
  /** Items of a list argument (ids, kinds). */
  listItems: number;
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
    throw new ConfigError(
      'NEO4J_URI',
      `expected neo4j://, neo4j+s://, bolt:// or bolt+s:// followed by a host, got "${raw}"`,
    );
  }
  return raw;
}

/** Express's names for address ranges, allowed in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: a hop count, or addresses, CIDR ranges and Express's range names separated by commas. */
function trustProxy(env: Env): number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return 0;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 100);
  const list = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!PROXY_RANGES.has(entry) && (family === 0 || !prefixOk || rest.length > 0))
      throw new ConfigError(
        'TRUST_PROXY',
        'expected a hop count (such as 1) or addresses and CIDR ranges (such as 10.0.0.5,10.1.0.0/16, or loopback) ' +
          `separated by commas, got "${entry}"`,
      );
  }
  return list;
}

/** Whether a listening address is reachable from this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

/** The origins browsers may call a server on loopback from unless CORS_ORIGINS says otherwise: this machine's pages. */
export const LOOPBACK_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

/** CORS_ORIGINS: `*`, or origins separated by commas, each with a port or `:*` for any port. */
function origins(env: Env, loopback: boolean): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined || raw.trim() === '') return loopback ? [...LOOPBACK_ORIGINS] : [];
  const list = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `expected * or origins such as https://example.org or http://localhost:* separated by commas, got "${origin}"`,
      );
    }
  }
  return list;
}

function sourcePrecedence(env: Env): string[] {
  const raw = env.SOURCE_PRECEDENCE;
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_SOURCE_PRECEDENCE];
  const list = raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of list)
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      throw new ConfigError(
        'SOURCE_PRECEDENCE',
        `expected source ids such as epoch-ai-models separated by commas, got "${id}"`,
      );
  return list;
}

/** The shipped databases to import at start: source ids separated by commas, or `none`. */
function externalDatabases(env: Env): string[] {
  const raw = env.EXTERNAL_DATABASES;
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_SOURCE_PRECEDENCE];
  if (raw.trim() === 'none') return [];
  const list = raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of list)
    if (!DEFAULT_SOURCE_PRECEDENCE.includes(id))
      throw new ConfigError(
        'EXTERNAL_DATABASES',
        `expected none or shipped databases among ${DEFAULT_SOURCE_PRECEDENCE.join(', ')} separated by commas, ` +
          `got "${id}"`,
      );
  return list;
}

function apiKeys(env: Env): ApiKey[] {
  try {
    return parseApiKeys(env.API_KEYS ?? '');
  } catch (error) {
    throw new ConfigError(
      'API_KEYS',
      `${(error as Error).message}; expected name:role:sha256 entries separated by commas ` +
        '(npm run key -- --name NAME --role editor makes one)',
    );
  }
}

/** The limits' defaults, the only place that states them (docs/security.md lists them). */
export const DEFAULT_LIMITS: QueryLimits = {
  bodyBytes: 102_400,
  tokens: 2000,
  depth: 8,
  aliases: 15,
  directives: 10,
  cost: 20_000,
  listItems: 100,
};

/** Reads and validates the environment; the only place that does. Throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const development = env.NODE_ENV !== 'production';
  const host = env.HOST || '127.0.0.1';
  // A server only this machine can reach is a person's own: the schema open to their tools, no rate limit, their
  // local pages allowed. Bound to any other address, the production defaults hold.
  const personal = development || isLoopback(host);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host,
    neo4j: {
      uri: uri(env),
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || undefined,
      database: env.NEO4J_DATABASE || 'neo4j',
      poolSize: integer(env, 'NEO4J_POOL_SIZE', 50, 1, 1000),
      queryTimeoutMs: integer(env, 'QUERY_TIMEOUT_MS', 5000, 100, 600_000),
      streamTimeoutMs: integer(env, 'EXPORT_TIMEOUT_MS', 300_000, 1000, 86_400_000),
      logCypher: flag(env, 'LOG_CYPHER', false),
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
    migrateOnStart: flag(env, 'MIGRATE_ON_START', true),
    migrateLockTtlMs: integer(env, 'MIGRATE_LOCK_TTL_MS', 60_000, 1000, 3_600_000),
    externalDir: path.resolve(projectRoot, env.EXTERNAL_DIR || 'seed/external'),
    externalDatabases: externalDatabases(env),
    sourcePrecedence: sourcePrecedence(env),
    traceCypher: flag(env, 'TRACE_CYPHER', false),
    analyticsCache: true,
    analyticsWarm: true,
    analyticsWarmIntervalMs: integer(env, 'ANALYTICS_WARM_INTERVAL_MS', 10_000, 0, 86_400_000),
    cypherEndpoint: {
      enabled: flag(env, 'CYPHER_ENDPOINT', false),
      timeoutMs: integer(env, 'CYPHER_TIMEOUT_MS', 5000, 1, 600_000),
      rowCap: integer(env, 'CYPHER_ROW_CAP', 1000, 1, 100_000),
      maxBytes: integer(env, 'CYPHER_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      poolSize: integer(env, 'CYPHER_POOL_SIZE', 4, 1, 100),
      queueSize: integer(env, 'CYPHER_QUEUE_SIZE', 16, 0, 10_000),
    },
    limits: {
      bodyBytes: integer(env, 'MAX_BODY_BYTES', DEFAULT_LIMITS.bodyBytes, 1024, 100 * 1024 * 1024),
      tokens: integer(env, 'MAX_TOKENS', DEFAULT_LIMITS.tokens, 10, 1_000_000),
      depth: integer(env, 'MAX_DEPTH', DEFAULT_LIMITS.depth, 1, 100),
      aliases: integer(env, 'MAX_ALIASES', DEFAULT_LIMITS.aliases, 0, 10_000),
      directives: integer(env, 'MAX_DIRECTIVES', DEFAULT_LIMITS.directives, 0, 10_000),
      cost: integer(env, 'MAX_COST', DEFAULT_LIMITS.cost, 1, 100_000_000),
      listItems: integer(env, 'MAX_LIST_ITEMS', DEFAULT_LIMITS.listItems, 1, 100_000),
    },
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', personal),
    fieldSuggestions: flag(env, 'GRAPHQL_FIELD_SUGGESTIONS', personal),
    compiledExecution: flag(env, 'GRAPHQL_JIT', true),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', isLoopback(host) ? 0 : 120, 0, 1_000_000),
    trustProxy: trustProxy(env),
    corsOrigins: origins(env, isLoopback(host)),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    apiKeys: apiKeys(env),
    requireKeyForReads: flag(env, 'REQUIRE_KEY_FOR_READS', false),
  };
}

/** One line for the start log: who can reach the server and what its defaults let them do. */
export function describeAccess(config: Config): string {
  const reach = isLoopback(config.host) ? 'this machine only' : `every client that reaches ${config.host}`;
  const limit =
    config.rateLimitPerMinute > 0 ? `${config.rateLimitPerMinute} requests a minute per client` : 'no rate limit';
  const cors =
    config.corsOrigins.length === 0
      ? "browsers from this server's own pages only"
      : `browsers from ${config.corsOrigins.join(', ')}`;
  return `serving ${reach}: introspection ${config.introspection ? 'on' : 'off'}, ${limit}, ${cors}`;
}

/** The settings the HTTP application (src/server/createApp.ts) reads; the rest is for starting and seeding. */
const APP_SETTINGS = [
  'traceCypher',
  'analyticsCache',
  'analyticsWarm',
  'analyticsWarmIntervalMs',
  'cypherEndpoint',
  'limits',
  'introspection',
  'fieldSuggestions',
  'compiledExecution',
  'rateLimitPerMinute',
  'trustProxy',
  'corsOrigins',
  'shutdownGraceMs',
  'apiKeys',
  'requireKeyForReads',
  'sourcePrecedence',
] as const satisfies readonly (keyof Config)[];

export type AppConfig = Pick<Config, (typeof APP_SETTINGS)[number]>;

/**
 * Given overrides, returns the app's settings: the defaults (those of an environment that sets nothing) with the
 * overrides, so tests and benchmarks state only what they change.
 */
export function appConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const defaults = loadConfig({});
  const settings = Object.fromEntries(APP_SETTINGS.map((name) => [name, defaults[name]])) as AppConfig;
  return { ...settings, ...overrides };
}
