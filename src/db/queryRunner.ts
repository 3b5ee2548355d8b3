import neo4j, { Driver, Neo4jError, Plan, Session, SessionConfig } from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import { CypherLogger, cypherLogLine } from './cypherLogLine';
import { countRows, failureCode, logStatement } from './logStatement';
import { TransactionRunner } from './transactionRunner';
import { toDatabaseError } from './databaseError';
import { plain } from './plain';
import { toJson } from './toJson';

// Kept here too: callers know the runner's module as the place of database errors and transactions.
export { DatabaseError, toDatabaseError } from './databaseError';
export { TransactionRunner } from './transactionRunner';
export type { DatabaseErrorCode } from './databaseError';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Counts the statements a request runs and the time Neo4j spent on them. */
export interface CypherTrace {
  statements: number;
  dbTimeMs: number;
}

/** The name every transaction carries in its metadata, shown by SHOW TRANSACTIONS and Neo4j's query log. */
export const APPLICATION = 'ai-value-chain-graph';

/** Who a transaction works for, added to its metadata: the GraphQL operation's name, or 'anonymous'. */
export interface TransactionScope {
  operation: string;
}

/** What EXPLAIN tells of a query: Neo4j's query type ('r', 'rw', 'w', 's') and the plan's operators, depth first. */
export interface QueryPlan {
  queryType: string;
  /** Undefined when Neo4j gave no plan. */
  operators?: PlanOperator[];
}

export interface PlanOperator {
  /** Such as 'Expand(All)' or 'ProduceResults@neo4j' (the database after the @). */
  operatorType: string;
  /** The operator's Details argument: its expressions, procedure signature, ... ('' when none). */
  details: string;
}

/** At most `rowCap` rows of a query as JSON values, and whether there were more. */
export interface CappedRows {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

let unversioned = 0;

/** Timeout of writes that set the database up or load a seed (a whole graph in one transaction). */
const WRITE_TIMEOUT_MS = 600_000;
/** Records pulled per batch at most. */
const MAX_FETCH_SIZE = 1000;

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
  /** Given, it gets one line per statement sent: name, parameters, time and rows (default: no logging). */
  log?: CypherLogger;
}

/** What all the views of one runner share: the driver and its settings. */
interface Connection {
  driver: Driver;
  uri: string;
  database: string;
  queryTimeoutMs: number;
  streamTimeoutMs: number;
  log?: CypherLogger;
}

const flattenPlan = (plan: Plan): PlanOperator[] => [
  {
    operatorType: plan.operatorType,
    details: typeof plan.arguments?.Details === 'string' ? plan.arguments.Details : '',
  },
  ...plan.children.flatMap(flattenPlan),
];

/**
 * The one place that talks to Neo4j: reads and writes, value conversion, error mapping, logging and transaction
 * metadata. Nothing else holds the driver.
 */
export class QueryRunner {
  readonly uri: string;
  readonly database: string;
  readonly queryTimeoutMs: number;
  readonly streamTimeoutMs: number;

  private constructor(
    private readonly connection: Connection,
    private readonly metadata: Record<string, string>,
  ) {
    this.uri = connection.uri;
    this.database = connection.database;
    this.queryTimeoutMs = connection.queryTimeoutMs;
    this.streamTimeoutMs = connection.streamTimeoutMs;
  }

  /** Given connection settings, returns a runner without checking that Neo4j answers (connect does). */
  static open(settings: ConnectionSettings): QueryRunner {
    const auth = neo4j.auth.basic(settings.user, settings.password ?? '');
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
    const connection: Connection = {
      driver,
      uri: settings.uri,
      database: settings.database,
      queryTimeoutMs,
      streamTimeoutMs: settings.streamTimeoutMs ?? 300_000,
      log: settings.log,
    };
    return new QueryRunner(connection, { app: APPLICATION });
  }

  /** Given connection settings, returns a runner whose driver has answered (or throws a DatabaseError). */
  static async connect(settings: ConnectionSettings): Promise<QueryRunner> {
    const runner = QueryRunner.open(settings);
    try {
      await runner.connection.driver.verifyConnectivity({ database: settings.database });
    } catch (error) {
      await runner.close();
      throw toDatabaseError(error, settings.uri);
    }
    return runner;
  }

  /** Given a scope, returns a view of this runner (same driver) whose transactions carry it in their metadata. */
  scoped(scope: TransactionScope): QueryRunner {
    return new QueryRunner(this.connection, { ...this.metadata, operation: scope.operation });
  }

  /** Runs one statement in a read transaction, returns its rows as plain objects; counts it in `trace` when given. */
  read(query: string, params: Params = {}, trace?: CypherTrace): Promise<Row[]> {
    return this.run(query, params, neo4j.routing.READ, trace);
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
    const session = this.session({});
    try {
      return await session.executeWrite(
        (tx) => work(new TransactionRunner(tx, this.connection.log)),
        this.config(timeoutMs),
      );
    } catch (error) {
      // The work's own errors (a refused input) end the transaction as they are; the driver's are mapped.
      if (!(error instanceof Neo4jError)) throw error;
      throw toDatabaseError(error, this.uri, timeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one statement in an implicit (auto-commit) transaction, which `CALL { ... } IN TRANSACTIONS` needs and
   * managed transactions are not, and returns its rows as plain objects. No timeout unless given one: such a
   * statement commits batch after batch for as long as its work takes.
   */
  async autoCommit(query: string, params: Params = {}, { timeoutMs }: { timeoutMs?: number } = {}): Promise<Row[]> {
    const session = this.session({});
    try {
      return await this.logged(query, params, async () => {
        const result = await session.run(query, params, { timeout: timeoutMs, metadata: this.metadata });
        return result.records.map((record) => plain(record.toObject()) as Row);
      });
    } catch (error) {
      throw toDatabaseError(error, this.uri, timeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one read statement and yields its rows one by one as plain objects, fetching in batches as they are
   * consumed, so a result of any size never sits in memory whole.
   */
  async *stream(query: string, params: Params = {}): AsyncGenerator<Row> {
    const session = this.session({ defaultAccessMode: neo4j.session.READ, fetchSize: MAX_FETCH_SIZE });
    const started = performance.now();
    let rows = 0;
    let failed: string | undefined;
    try {
      for await (const record of session.run(query, params, this.config(this.streamTimeoutMs))) {
        rows += 1;
        yield plain(record.toObject()) as Row;
      }
    } catch (error) {
      failed = failureCode(error);
      throw toDatabaseError(error, this.uri, this.streamTimeoutMs);
    } finally {
      // Logged when the stream ends, also when its reader stops early: the rows are those read.
      this.connection.log?.(cypherLogLine(query, params, performance.now() - started, failed ?? rows));
      await session.close();
    }
  }

  /**
   * Plans one statement without running it (EXPLAIN, in a read transaction rolled back) and returns the plan's
   * query type and operators. Planning is not the query's work, so it gets its own timeout.
   */
  async explain(query: string, params: Params = {}, { timeoutMs }: { timeoutMs: number }): Promise<QueryPlan> {
    const session = this.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks() });
    try {
      const statement = `EXPLAIN\n${query}`;
      const summary = await this.logged(
        `EXPLAIN ${query}`,
        params,
        async () => {
          const tx = await session.beginTransaction(this.config(timeoutMs));
          try {
            return (await tx.run(statement, params)).summary;
          } finally {
            await tx.rollback().catch(() => undefined);
          }
        },
        () => 0,
      );
      return { queryType: String(summary.queryType), operators: summary.plan ? flattenPlan(summary.plan) : undefined };
    } catch (error) {
      throw toDatabaseError(error, this.uri, timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * Runs one statement in a read transaction (Neo4j refuses to write in it) with its own timeout and reads at most
   * `rowCap` of its rows, converted to JSON values (graph entities as objects, unsafe integers as strings); the
   * rest of the stream is cancelled. For researchers' Cypher, after its screening.
   */
  async readCapped(
    query: string,
    params: Params,
    { timeoutMs, rowCap }: { timeoutMs: number; rowCap: number },
  ): Promise<CappedRows> {
    const session = this.session({
      defaultAccessMode: neo4j.session.READ,
      fetchSize: Math.max(1, Math.min(rowCap + 1, MAX_FETCH_SIZE)),
      bookmarkManager: this.bookmarks(),
    });
    try {
      return await this.logged(
        query,
        params,
        async () => {
          const tx = await session.beginTransaction(this.config(timeoutMs));
          try {
            const result = tx.run(query, params);
            const columns = [...(await result.keys())];
            const rows: unknown[][] = [];
            let truncated = false;
            for await (const record of result) {
              if (rows.length >= rowCap) {
                truncated = true;
                break;
              }
              rows.push(columns.map((_, index) => toJson(record.get(index))));
            }
            return { columns, rows, truncated };
          } finally {
            await tx.rollback().catch(() => undefined);
          }
        },
        (answer) => answer.rows.length,
      );
    } catch (error) {
      throw toDatabaseError(error, this.uri, timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * Returns the database's current version: the bookmark of a trivial read transaction, which changes with every
   * committed write (from any client). Counted in `trace` as one statement.
   */
  async version(trace?: CypherTrace): Promise<string> {
    // The session shares executeQuery's bookmarks: the version is never older than this server's own writes, and
    // the reads that follow it (through executeQuery) are never older than the version.
    const session = this.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks() });
    try {
      await this.logged(
        'RETURN 1',
        {},
        () => session.executeRead((tx) => tx.run('RETURN 1'), this.config(this.queryTimeoutMs)),
        (result) => result.records.length,
      );
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
    const session = this.session({ defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`Neo4j at ${this.uri} did not answer within ${timeoutMs} ms`), timeoutMs);
    });
    const answer = this.logged(
      'RETURN 1',
      {},
      async () => session.run('RETURN 1', {}, this.config(timeoutMs)),
      (result) => result.records.length,
    )
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

  /** Closes the driver, for this runner and every scoped view of it. */
  close(): Promise<void> {
    return this.connection.driver.close();
  }

  private session(config: Omit<SessionConfig, 'database'>): Session {
    return this.connection.driver.session({ database: this.database, ...config });
  }

  private bookmarks() {
    return this.connection.driver.executeQueryBookmarkManager;
  }

  private config(timeoutMs: number) {
    return { timeout: timeoutMs, metadata: this.metadata };
  }

  /** Runs `work`, logging its statement when logging is on; `rows` counts the rows of its answer. */
  private logged<T>(query: string, params: Params, work: () => Promise<T>, rows: (answer: T) => number = countRows) {
    return logStatement(this.connection.log, query, params, work, rows);
  }

  private async run(
    query: string,
    params: Params,
    routing: 'READ' | 'WRITE',
    trace?: CypherTrace,
    timeoutMs = this.queryTimeoutMs,
  ): Promise<Row[]> {
    try {
      const result = await this.logged(
        query,
        params,
        () =>
          this.connection.driver.executeQuery(query, params, {
            database: this.database,
            routing,
            transactionConfig: this.config(timeoutMs),
          }),
        (answer) => answer.records.length,
      );
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

/** The connection settings of a Neo4jConfig once its URI is known; with LOG_CYPHER=1, statements go to `log`. */
export function connectionOf(
  config: Neo4jConfig,
  uri: string,
  log: CypherLogger = (line) => process.stderr.write(`${line}\n`),
): ConnectionSettings {
  return {
    uri,
    user: config.user,
    password: config.password,
    database: config.database,
    poolSize: config.poolSize,
    queryTimeoutMs: config.queryTimeoutMs,
    streamTimeoutMs: config.streamTimeoutMs,
    log: config.logCypher ? log : undefined,
  };
}
