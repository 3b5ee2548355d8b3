import neo4j, {
  BookmarkManager,
  Driver,
  Neo4jError,
  Plan,
  Record as Neo4jRecord,
  Session,
  SessionConfig,
} from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import { CypherLogger, cypherLogLine } from './cypherLogLine';
import { countRows, failureCode, logStatement } from './logStatement';
import { TransactionRunner } from './transactionRunner';
import { DEADLINE_GRACE_MS, withinDeadline } from './deadline';
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
  /** A request's own name, so that its transactions can be found (and terminated) while they run. */
  request?: string;
  /**
   * A request's bookmarks (see RequestBookmarks): every transaction of the view reads at least their state and
   * adds its own bookmark to them. Without them, the view shares the runner's bookmarks only.
   */
  bookmarks?: RequestBookmarks;
}

/** How many bookmarks a client may send back at most, and how long and of which characters each may be. */
export const MAX_CLIENT_BOOKMARKS = 16;
const BOOKMARK_PATTERN = /^[A-Za-z0-9:+/=_.-]{1,1024}$/;

/**
 * Given bookmarks as a client sent them back (the X-Neo4j-Bookmark header, comma-separated or repeated), returns
 * them as a list, or throws an Error saying what is wrong with them. An empty value is no bookmark.
 */
export function parseClientBookmarks(header: string | string[] | undefined): string[] {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const bookmarks = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (bookmarks.length > MAX_CLIENT_BOOKMARKS)
    throw new Error(`at most ${MAX_CLIENT_BOOKMARKS} bookmarks may be sent, got ${bookmarks.length}`);
  const bad = bookmarks.find((bookmark) => !BOOKMARK_PATTERN.test(bookmark));
  if (bad !== undefined)
    throw new Error(
      `"${bad.length > 40 ? `${bad.slice(0, 40)}…` : bad}" is not a bookmark: send back the value of a response's ` +
        'X-Neo4j-Bookmark header as it was',
    );
  return [...new Set(bookmarks)];
}

/**
 * One request's bookmarks: those its client sent back (the state of a write through another server, which every
 * read of the request waits for) and those of the request's own transactions, on top of the runner's shared ones
 * (this process's writes). After the request, `latest()` is the bookmark to hand back to the client.
 */
export class RequestBookmarks {
  private readonly own: Set<string>;
  private writes = 0;
  /** Whether the client sent bookmarks back. */
  readonly sent: boolean;

  constructor(sent: readonly string[] = []) {
    this.own = new Set(sent);
    this.sent = sent.length > 0;
  }

  /** The bookmarks of the newest state this request has seen (sent, read or written). */
  latest(): string[] {
    return [...this.own];
  }

  /** Whether a transaction of this request has committed a write. */
  get wrote(): boolean {
    return this.writes > 0;
  }

  /** Called by the runner after a write of this request committed. */
  countWrite(): void {
    this.writes += 1;
  }

  /** A bookmark manager for the driver that reads this request's bookmarks and the shared ones, and updates both. */
  manager(shared: BookmarkManager): BookmarkManager {
    const own = this.own;
    return {
      async getBookmarks() {
        return [...new Set([...(await shared.getBookmarks()), ...own])];
      },
      async updateBookmarks(previous, next) {
        await shared.updateBookmarks(previous, next);
        const fresh = [...next];
        // A transaction that returns no bookmark (an older server) leaves what the request knows as it was.
        if (fresh.length === 0) return;
        for (const bookmark of previous) own.delete(bookmark);
        for (const bookmark of fresh) own.add(bookmark);
      },
    } as BookmarkManager;
  }
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

/** At most `rowCap` rows and `maxBytes` of JSON of a query as JSON values, and whether there were more. */
export interface CappedRows {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  /** Which cap ended the answer: the rows' count or their size in JSON; undefined when nothing was left out. */
  truncatedBy?: 'rows' | 'bytes';
  /** JSON bytes of the rows kept (each row as an array, plus a comma between rows). */
  bytes: number;
}

/** How readCapped bounds a query: its timeout, the rows and JSON bytes kept, and who may stop waiting for it. */
export interface CapOptions {
  timeoutMs: number;
  rowCap: number;
  /** JSON bytes of the rows kept at most (default: no limit but the rows'). */
  maxBytes?: number;
  /** Aborting it stops the wait at once (the caller gave up); the query itself is terminated by the caller. */
  signal?: AbortSignal;
  /** Given the promise that settles when the query has really ended and its connection is back in the pool. */
  stopped?: (ended: Promise<void>) => void;
}

let unversioned = 0;

/** Timeout of writes that set the database up or load a seed (a whole graph in one transaction). */
const WRITE_TIMEOUT_MS = 600_000;
/** Records pulled per batch at most. */
const MAX_FETCH_SIZE = 1000;
/** Records pulled per batch by readCapped, whose rows can be of any size: a small batch bounds what it holds. */
const CAPPED_FETCH_SIZE = 100;

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
  settings: ConnectionSettings;
  driver: Driver;
  uri: string;
  database: string;
  queryTimeoutMs: number;
  streamTimeoutMs: number;
  log?: CypherLogger;
  /** Called after every commit of a write through this connection (any scoped view of it). */
  commitListeners: Set<() => void>;
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
    private readonly requestBookmarks?: RequestBookmarks,
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
      settings,
      driver,
      uri: settings.uri,
      database: settings.database,
      queryTimeoutMs,
      streamTimeoutMs: settings.streamTimeoutMs ?? 300_000,
      log: settings.log,
      commitListeners: new Set(),
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
    const metadata: Record<string, string> = { ...this.metadata, operation: scope.operation };
    if (scope.request !== undefined) metadata.request = scope.request;
    return new QueryRunner(this.connection, metadata, scope.bookmarks ?? this.requestBookmarks);
  }

  /**
   * Given a pool size, returns a runner with the same settings and metadata but a driver and connection pool of
   * its own, so that its queries never take this runner's connections; its close() closes only its own driver.
   */
  lane({ poolSize }: { poolSize: number }): QueryRunner {
    const { connection } = QueryRunner.open({ ...this.connection.settings, poolSize });
    return new QueryRunner(connection, this.metadata, this.requestBookmarks);
  }

  /**
   * Terminates the transactions whose metadata names `request` (see TransactionScope) and returns how many Neo4j
   * was asked to stop.
   */
  async terminate(request: string): Promise<number> {
    const found = await this.autoCommit(
      'SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.request = $request RETURN transactionId',
      { request },
      { timeoutMs: this.queryTimeoutMs },
    );
    const ids = found.map((row) => row.transactionId);
    if (ids.length > 0)
      await this.autoCommit('TERMINATE TRANSACTIONS $ids', { ids }, { timeoutMs: this.queryTimeoutMs });
    return ids.length;
  }

  /**
   * Calls `listener` after every write this runner (or a scoped view of it) commits; returns the call that stops
   * it. Writes by other processes are not seen: compare `version()` for those.
   */
  onCommit(listener: () => void): () => void {
    this.connection.commitListeners.add(listener);
    return () => this.connection.commitListeners.delete(listener);
  }

  /** Tells the commit listeners (a listener's failure is its own). */
  private committed(): void {
    this.requestBookmarks?.countWrite();
    for (const listener of this.connection.commitListeners) {
      try {
        listener();
      } catch {
        // A listener must not turn a committed write into a failure.
      }
    }
  }

  /** Runs one statement in a read transaction, returns its rows as plain objects; counts it in `trace` when given. */
  read(query: string, params: Params = {}, trace?: CypherTrace): Promise<Row[]> {
    return this.run(query, params, neo4j.routing.READ, trace);
  }

  /**
   * Runs one statement in its own write transaction and returns its rows as plain objects. Such statements set
   * the database up (schema, a reset) and get the seed's long timeout (600 s) unless given one.
   */
  async write(
    query: string,
    params: Params = {},
    { timeoutMs = WRITE_TIMEOUT_MS }: { timeoutMs?: number } = {},
  ): Promise<Row[]> {
    const rows = await this.run(query, params, neo4j.routing.WRITE, undefined, timeoutMs);
    this.committed();
    return rows;
  }

  /**
   * Runs `work` in one write transaction: all its statements commit together or not at all. The default timeout
   * (600 s) suits loading a whole seed; requests pass their own.
   */
  async inWriteTransaction<T>(
    work: (tx: TransactionRunner) => Promise<T>,
    { timeoutMs = WRITE_TIMEOUT_MS }: { timeoutMs?: number } = {},
  ): Promise<T> {
    const session = this.session({ defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks() });
    const late = new AbortController();
    try {
      const answer = await this.bounded(
        session,
        timeoutMs,
        session.executeWrite(
          (tx) => work(new TransactionRunner(tx, this.connection.log, late.signal)),
          this.config(timeoutMs),
        ),
      );
      this.committed();
      return answer;
    } catch (error) {
      // A transaction given up on fails its next statement, so that it rolls back rather than commits late.
      late.abort();
      // The work's own errors (a refused input) end the transaction as they are; the driver's are mapped.
      if (!(error instanceof Neo4jError)) throw error;
      throw toDatabaseError(error, this.uri, timeoutMs);
    }
  }

  /**
   * Runs one statement in an implicit (auto-commit) transaction, which `CALL { ... } IN TRANSACTIONS` needs and
   * managed transactions are not, and returns its rows as plain objects. No timeout unless given one: such a
   * statement commits batch after batch for as long as its work takes.
   */
  async autoCommit(query: string, params: Params = {}, { timeoutMs }: { timeoutMs?: number } = {}): Promise<Row[]> {
    const session = this.session({ defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks() });
    const work = this.logged(query, params, async () => {
      const result = await session.run(query, params, { timeout: timeoutMs, metadata: this.metadata });
      return result.records.map((record) => plain(record.toObject()) as Row);
    });
    try {
      const rows = timeoutMs === undefined ? await work : await this.bounded(session, timeoutMs, work);
      this.committed();
      return rows;
    } catch (error) {
      throw toDatabaseError(error, this.uri, timeoutMs);
    } finally {
      if (timeoutMs === undefined) await session.close();
    }
  }

  /**
   * Runs one read statement and yields its rows one by one as plain objects, fetching in batches as they are
   * consumed, so a result of any size never sits in memory whole. Each wait for the next row is bounded by the
   * query timeout (a Neo4j that stops answering is noticed), the whole stream by the stream timeout.
   */
  async *stream(query: string, params: Params = {}): AsyncGenerator<Row> {
    const session = this.session({
      defaultAccessMode: neo4j.session.READ,
      fetchSize: MAX_FETCH_SIZE,
      bookmarkManager: this.bookmarks(),
    });
    const started = performance.now();
    let rows = 0;
    let failed: string | undefined;
    const records = session.run(query, params, this.config(this.streamTimeoutMs))[Symbol.asyncIterator]();
    const wait = this.queryTimeoutMs + DEADLINE_GRACE_MS;
    let done = false;
    try {
      for (;;) {
        const next = await withinDeadline(records.next(), wait, this.uri);
        done = next.done === true;
        if (done) break;
        rows += 1;
        yield plain((next.value as Neo4jRecord).toObject()) as Row;
      }
    } catch (error) {
      failed = failureCode(error);
      throw toDatabaseError(error, this.uri, this.streamTimeoutMs);
    } finally {
      // Logged when the stream ends, also when its reader stops early: the rows are those read.
      this.connection.log?.(cypherLogLine(query, params, performance.now() - started, failed ?? rows));
      // A reader that stopped early cancels the rest; after a failure the session closes whenever Neo4j answers.
      if (failed === undefined && !done) await records.return?.();
      const closing = session.close().catch(() => undefined);
      if (failed === undefined) await closing;
    }
  }

  /**
   * Plans one statement without running it (EXPLAIN, in a read transaction rolled back) and returns the plan's
   * query type and operators. Planning is not the query's work, so it gets its own timeout.
   */
  async explain(
    query: string,
    params: Params = {},
    { timeoutMs, signal, stopped }: Pick<CapOptions, 'timeoutMs' | 'signal' | 'stopped'>,
  ): Promise<QueryPlan> {
    const session = this.session({ defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks() });
    try {
      const statement = `EXPLAIN\n${query}`;
      const work = this.logged(
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
      const summary = await this.bounded(session, timeoutMs, work, { signal, stopped });
      return { queryType: String(summary.queryType), operators: summary.plan ? flattenPlan(summary.plan) : undefined };
    } catch (error) {
      if (signal?.aborted && error === signal.reason) throw error;
      throw toDatabaseError(error, this.uri, timeoutMs);
    }
  }

  /**
   * Runs one statement in a read transaction (Neo4j refuses to write in it) with its own timeout and reads at most
   * `rowCap` of its rows and `maxBytes` of their JSON, converted to JSON values (graph entities as objects, unsafe
   * integers as strings); the rest of the stream is cancelled. A first row larger than `maxBytes` is not kept: the
   * answer has no rows and says `truncatedBy: 'bytes'`. For researchers' Cypher, after its screening.
   */
  async readCapped(
    query: string,
    params: Params,
    { timeoutMs, rowCap, maxBytes = Infinity, signal, stopped }: CapOptions,
  ): Promise<CappedRows> {
    const session = this.session({
      defaultAccessMode: neo4j.session.READ,
      fetchSize: Math.max(1, Math.min(rowCap + 1, CAPPED_FETCH_SIZE)),
      bookmarkManager: this.bookmarks(),
    });
    const work = this.logged(
      query,
      params,
      async () => {
        const tx = await session.beginTransaction(this.config(timeoutMs));
        try {
          const result = tx.run(query, params);
          const columns = [...(await result.keys())];
          const rows: unknown[][] = [];
          let bytes = 0;
          let truncatedBy: CappedRows['truncatedBy'];
          for await (const record of result) {
            if (rows.length >= rowCap) {
              truncatedBy = 'rows';
              break;
            }
            const row = columns.map((_, index) => toJson(record.get(index)));
            // The row's JSON, and the comma that separates it from the one before.
            const size = Buffer.byteLength(JSON.stringify(row)) + (rows.length > 0 ? 1 : 0);
            if (bytes + size > maxBytes) {
              truncatedBy = 'bytes';
              break;
            }
            bytes += size;
            rows.push(row);
          }
          return { columns, rows, truncated: truncatedBy !== undefined, truncatedBy, bytes };
        } finally {
          await tx.rollback().catch(() => undefined);
        }
      },
      (answer) => answer.rows.length,
    );
    try {
      return await this.bounded(session, timeoutMs, work, { signal, stopped });
    } catch (error) {
      // The caller's own reason to give up is the caller's to answer.
      if (signal?.aborted && error === signal.reason) throw error;
      throw toDatabaseError(error, this.uri, timeoutMs);
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
      const work = this.logged(
        'RETURN 1',
        {},
        () => session.executeRead((tx) => tx.run('RETURN 1'), this.config(this.queryTimeoutMs)),
        (result) => result.records.length,
      );
      await this.bounded(session, this.queryTimeoutMs, work);
      if (trace) trace.statements += 1;
      const bookmarks = session.lastBookmarks();
      // A server that gives no bookmark cannot say whether it changed: every call is then a new version.
      return bookmarks.length > 0 ? bookmarks.join(',') : `unversioned-${(unversioned += 1)}`;
    } catch (error) {
      throw toDatabaseError(error, this.uri, this.queryTimeoutMs);
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

  /**
   * The bookmark manager of every transaction (reads, writes, streams): the driver's shared one, so that nothing this
   * process reads is older than what it wrote, and with a request's bookmarks, theirs too.
   */
  private bookmarks(): BookmarkManager {
    const shared = this.connection.driver.executeQueryBookmarkManager;
    return this.requestBookmarks ? this.requestBookmarks.manager(shared) : shared;
  }

  private config(timeoutMs: number) {
    return { timeout: timeoutMs, metadata: this.metadata };
  }

  /**
   * Given a session and the work running in it, returns the work's answer, or fails with SERVICE_UNAVAILABLE when
   * Neo4j has not answered within the timeout (plus a grace, so that Neo4j's own timeout error comes first), or
   * with the signal's reason when it aborts. The session closes when the work ends, whether or not anyone waits.
   */
  private bounded<T>(
    session: Session,
    timeoutMs: number,
    work: Promise<T>,
    { signal, stopped }: Pick<CapOptions, 'signal' | 'stopped'> = {},
  ): Promise<T> {
    const close = () => session.close();
    const ended = work.then(close, close).catch(() => undefined);
    stopped?.(ended);
    return withinDeadline(work, timeoutMs + DEADLINE_GRACE_MS, this.uri, signal);
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
      const work = this.logged(
        query,
        params,
        () =>
          this.connection.driver.executeQuery(query, params, {
            database: this.database,
            routing,
            bookmarkManager: this.bookmarks(),
            transactionConfig: this.config(timeoutMs),
          }),
        (answer) => answer.records.length,
      );
      const result = await withinDeadline(work, timeoutMs + DEADLINE_GRACE_MS, this.uri);
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
