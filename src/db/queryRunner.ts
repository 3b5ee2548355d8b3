import neo4j, { Driver, ManagedTransaction, Neo4jError, isNode, isRelationship } from 'neo4j-driver';
import type { Neo4jConfig } from '../config';

/** What every database failure becomes: a code a caller can act on, and a message a person can read. */
export type DatabaseErrorCode =
  'SERVICE_UNAVAILABLE' | 'UNAUTHENTICATED' | 'CONSTRAINT_VIOLATION' | 'TIMEOUT' | 'QUERY_FAILED';

export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly code: DatabaseErrorCode,
    readonly neo4jCode?: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** Neo4j's codes for a transaction it stopped because it ran longer than its timeout. */
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * Maps a driver error by its Neo4j code to a DatabaseError; timeoutMs is the one that applied. Only the pool's
 * acquisition timeout carries no code ('N/A') and is recognised by its message.
 */
export function toDatabaseError(error: unknown, uri: string, timeoutMs?: number): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code !== undefined && TIMED_OUT.has(code)) {
    return new DatabaseError(
      `The query ran longer than its ${timeoutMs ?? 'configured'} ms timeout and was stopped.`,
      'TIMEOUT',
      code,
    );
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    (code === 'N/A' && /acquisition timed out/i.test(detail))
  ) {
    return new DatabaseError(`Neo4j at ${uri} is not reachable: ${detail}`, 'SERVICE_UNAVAILABLE', code);
  }
  if (code?.startsWith('Neo.ClientError.Security.')) {
    return new DatabaseError(
      `Neo4j at ${uri} refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): ${detail}`,
      'UNAUTHENTICATED',
      code,
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new DatabaseError(detail, 'CONSTRAINT_VIOLATION', code);
  }
  return new DatabaseError(detail, 'QUERY_FAILED', code);
}

export type Row = Record<string, unknown>;

/** Counts the statements a request runs and the time Neo4j spent on them. */
export interface CypherTrace {
  statements: number;
  dbTimeMs: number;
}
export type Params = Record<string, unknown>;

/**
 * Turns driver values (nodes, relationships, temporals) into plain JSON-like values. Lists and maps are fresh from
 * the driver's decoder and belong to one record, so they are converted in place.
 */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item = value[index];
      if (item !== null && typeof item === 'object') value[index] = plain(item);
    }
    return value;
  }
  // A map (a projection, properties()): the most common value, so it is told first and without the type checks below.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const item = map[key];
      if (item !== null && typeof item === 'object') map[key] = plain(item);
    }
    return map;
  }
  if (isNode(value) || isRelationship(value)) return plain(value.properties);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = plain((value as Record<string, unknown>)[key]);
  return out;
}

let unversioned = 0;

/** Timeout of writes that set the database up or load a seed (a whole graph in one transaction). */
const WRITE_TIMEOUT_MS = 600_000;

export interface ConnectionSettings {
  uri: string;
  user: string;
  password?: string;
  database: string;
  /** Connections the driver keeps at most (default 50). */
  poolSize?: number;
  /**
   * Timeout of every read transaction (default 5,000 ms). It also bounds the wait for a connection and the retries
   * while Neo4j is away, so a request fails within about this time instead of hanging.
   */
  queryTimeoutMs?: number;
  /** Timeout of a streamed read (an export of the whole graph; default 300,000 ms). */
  streamTimeoutMs?: number;
}

/** The one place that talks to Neo4j: reads and writes, value conversion and error mapping. */
export class QueryRunner {
  private constructor(
    readonly driver: Driver,
    readonly uri: string,
    readonly database: string,
    readonly queryTimeoutMs: number,
    readonly streamTimeoutMs: number,
  ) {}

  /** Given connection settings, returns a runner whose driver has answered (or throws a DatabaseError). */
  static async connect(settings: ConnectionSettings): Promise<QueryRunner> {
    const auth =
      settings.password === undefined
        ? neo4j.auth.basic(settings.user, '')
        : neo4j.auth.basic(settings.user, settings.password);
    const queryTimeoutMs = settings.queryTimeoutMs ?? 5000;
    const driver = neo4j.driver(settings.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: settings.poolSize ?? 50,
      connectionAcquisitionTimeout: queryTimeoutMs,
      connectionTimeout: queryTimeoutMs,
      // Retries of a failed connection back off from 1 s: with Neo4j down, a request gives up after about a fifth
      // of its timeout instead of the driver's default 30 s.
      maxTransactionRetryTime: Math.ceil(queryTimeoutMs / 5),
    });
    const runner = new QueryRunner(
      driver,
      settings.uri,
      settings.database,
      queryTimeoutMs,
      settings.streamTimeoutMs ?? 300_000,
    );
    try {
      await driver.verifyConnectivity({ database: settings.database });
    } catch (error) {
      await driver.close();
      throw toDatabaseError(error, settings.uri);
    }
    return runner;
  }

  /** Runs one statement in a read transaction and returns its rows as plain objects; counts it in `trace` when given. */
  read(query: string, params: Params = {}, trace?: CypherTrace): Promise<Row[]> {
    return this.run(query, params, neo4j.routing.READ, trace);
  }

  /**
   * Returns the database's current version: the bookmark of a trivial read transaction, which changes with every
   * committed write (from any client). Counted in `trace` as one statement.
   */
  async version(trace?: CypherTrace): Promise<string> {
    // The session shares executeQuery's bookmarks: the version is never older than this server's own writes, and
    // the reads that follow it (through executeQuery) are never older than the version.
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: this.queryTimeoutMs });
      if (trace) trace.statements += 1;
      const bookmarks = session.lastBookmarks();
      // A server that gives no bookmark cannot say whether it changed: every call is then a new version.
      return bookmarks.length > 0 ? bookmarks.join(',') : `unversioned-${(unversioned += 1)}`;
    } catch (error) {
      throw toDatabaseError(error, this.uri, this.queryTimeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * Whether Neo4j answers a trivial query within timeoutMs: no retries, so a Neo4j that is away is reported at once.
   * Resolves to undefined when it does, or to the reason it does not.
   */
  async ping(timeoutMs: number): Promise<string | undefined> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`Neo4j at ${this.uri} did not answer within ${timeoutMs} ms`), timeoutMs);
    });
    const answer = session
      .run('RETURN 1', {}, { timeout: timeoutMs })
      .then(() => undefined)
      .catch((error: unknown) => toDatabaseError(error, this.uri, timeoutMs).message);
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
      // A session whose query is still waiting closes when the query ends; nobody waits for it.
      void answer.finally(() => session.close());
    }
  }

  /**
   * Runs one read statement and yields its rows one by one as plain objects, fetching in batches as they are
   * consumed, so a result of any size never sits in memory whole.
   */
  async *stream(query: string, params: Params = {}): AsyncGenerator<Row> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: 1000,
    });
    try {
      for await (const record of session.run(query, params, { timeout: this.streamTimeoutMs }))
        yield plain(record.toObject()) as Row;
    } catch (error) {
      throw toDatabaseError(error, this.uri, this.streamTimeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one statement in its own write transaction and returns its rows as plain objects. Such statements set
   * the database up (schema, a reset) and get the seed's long timeout (600 s) unless given one.
   */
  write(
    query: string,
    params: Params = {},
    { timeoutMs = WRITE_TIMEOUT_MS }: { timeoutMs?: number } = {},
  ): Promise<Row[]> {
    return this.run(query, params, neo4j.routing.WRITE, undefined, timeoutMs);
  }

  /**
   * Runs `work` in one write transaction: all its statements commit together or not at all. The default timeout
   * (600 s) suits loading a whole seed; requests pass their own.
   */
  async inWriteTransaction<T>(
    work: (tx: TransactionRunner) => Promise<T>,
    { timeoutMs = WRITE_TIMEOUT_MS }: { timeoutMs?: number } = {},
  ): Promise<T> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite((tx) => work(new TransactionRunner(tx)), { timeout: timeoutMs });
    } catch (error) {
      // The work's own errors (a refused input) end the transaction as they are; the driver's are mapped.
      if (!(error instanceof Neo4jError)) throw error;
      throw toDatabaseError(error, this.uri, timeoutMs);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async run(
    query: string,
    params: Params,
    routing: 'READ' | 'WRITE',
    trace?: CypherTrace,
    timeoutMs = this.queryTimeoutMs,
  ): Promise<Row[]> {
    try {
      const result = await this.driver.executeQuery(query, params, {
        database: this.database,
        routing,
        transactionConfig: { timeout: timeoutMs },
      });
      if (trace) {
        trace.statements += 1;
        trace.dbTimeMs += Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
      }
      return result.records.map((record) => plain(record.toObject()) as Row);
    } catch (error) {
      throw toDatabaseError(error, this.uri, timeoutMs);
    }
  }
}

/** Statements inside one transaction, with the same value conversion as the runner. */
export class TransactionRunner {
  constructor(private readonly tx: ManagedTransaction) {}

  async run(query: string, params: Params = {}): Promise<Row[]> {
    const result = await this.tx.run(query, params);
    return result.records.map((record) => plain(record.toObject()) as Row);
  }
}

/** The connection settings of a Neo4jConfig once its URI is known. */
export function connectionOf(config: Neo4jConfig, uri: string): ConnectionSettings {
  return {
    uri,
    user: config.user,
    password: config.password,
    database: config.database,
    poolSize: config.poolSize,
    queryTimeoutMs: config.queryTimeoutMs,
    streamTimeoutMs: config.streamTimeoutMs,
  };
}
