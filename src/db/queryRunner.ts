import neo4j, { Driver, ManagedTransaction, Neo4jError, isNode, isRelationship } from 'neo4j-driver';
import type { Neo4jConfig } from '../config';

/** What every database failure becomes: a code a caller can act on, and a message a person can read. */
export type DatabaseErrorCode = 'SERVICE_UNAVAILABLE' | 'UNAUTHENTICATED' | 'CONSTRAINT_VIOLATION' | 'QUERY_FAILED';

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

/** Maps a driver error by its Neo4j code (never by its message text) to a DatabaseError. */
export function toDatabaseError(error: unknown, uri: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new DatabaseError(`Neo4j at ${uri} is not reachable: ${detail}`, 'SERVICE_UNAVAILABLE', code);
  }
  if (code?.startsWith('Neo.ClientError.Security.')) {
    return new DatabaseError(`Neo4j at ${uri} refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): ${detail}`, 'UNAUTHENTICATED', code);
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

/** Turns driver values (nodes, relationships, temporals) into plain JSON-like values. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Lists of strings or numbers (ids, dates) are common and large: hand them over as they are.
    if (value.every((item) => item === null || typeof item !== 'object')) return value;
    return value.map(plain);
  }
  if (isNode(value) || isRelationship(value)) return plain(value.properties);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = plain((value as Record<string, unknown>)[key]);
  return out;
}

let unversioned = 0;

/** The one place that talks to Neo4j: reads and writes, value conversion and error mapping. */
export class QueryRunner {
  private constructor(
    readonly driver: Driver,
    readonly uri: string,
    readonly database: string,
  ) {}

  /** Given connection settings, returns a runner whose driver has answered (or throws a DatabaseError). */
  static async connect(settings: { uri: string; user: string; password?: string; database: string }): Promise<QueryRunner> {
    const auth = settings.password === undefined ? neo4j.auth.basic(settings.user, '') : neo4j.auth.basic(settings.user, settings.password);
    const driver = neo4j.driver(settings.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      maxConnectionPoolSize: 50,
    });
    const runner = new QueryRunner(driver, settings.uri, settings.database);
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
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.driver.executeQueryBookmarkManager });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'));
      if (trace) trace.statements += 1;
      const bookmarks = session.lastBookmarks();
      // A server that gives no bookmark cannot say whether it changed: every call is then a new version.
      return bookmarks.length > 0 ? bookmarks.join(',') : `unversioned-${(unversioned += 1)}`;
    } catch (error) {
      throw toDatabaseError(error, this.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one read statement and yields its rows one by one as plain objects, fetching in batches as they are
   * consumed, so a result of any size never sits in memory whole.
   */
  async *stream(query: string, params: Params = {}): AsyncGenerator<Row> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, fetchSize: 1000 });
    try {
      for await (const record of session.run(query, params)) yield plain(record.toObject()) as Row;
    } catch (error) {
      throw toDatabaseError(error, this.uri);
    } finally {
      await session.close();
    }
  }

  /** Runs one statement in its own write transaction and returns its rows as plain objects. */
  write(query: string, params: Params = {}): Promise<Row[]> {
    return this.run(query, params, neo4j.routing.WRITE);
  }

  /** Runs `work` in one write transaction: all its statements commit together or not at all. */
  async inWriteTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite((tx) => work(new TransactionRunner(tx)), { timeout: 600_000 });
    } catch (error) {
      throw toDatabaseError(error, this.uri);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async run(query: string, params: Params, routing: 'READ' | 'WRITE', trace?: CypherTrace): Promise<Row[]> {
    try {
      const result = await this.driver.executeQuery(query, params, { database: this.database, routing });
      if (trace) {
        trace.statements += 1;
        trace.dbTimeMs += Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
      }
      return result.records.map((record) => plain(record.toObject()) as Row);
    } catch (error) {
      throw toDatabaseError(error, this.uri);
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
export function connectionOf(config: Neo4jConfig, uri: string) {
  return { uri, user: config.user, password: config.password, database: config.database };
}
