import { randomUUID } from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import type { QueryRunner } from '../../db/queryRunner';
import { sendError } from '../httpError';
import { EndpointError, badRequest, busy, firstLine, toEndpointError } from './endpointError';
import { Lane, Release } from './lane';
import { screenPlan } from './screenPlan';
import { screenText } from './screenText';
import { jsonParams } from './jsonParams';
import { withholdPrivate } from './withholdPrivate';

/**
 * A read-only Cypher endpoint for researchers: POST / with { query, params? }.
 *
 * A query is screened twice before it runs: its text (things EXPLAIN may not show: USE, SHOW, TERMINATE,
 * administration commands, LOAD CSV, IN TRANSACTIONS, calls to db.* / dbms.* / apoc.* and other non-built-in
 * namespaces, `\uXXXX` escapes), then its plan (`EXPLAIN`): the query type must be 'r' and no operator may be a
 * procedure call, LOAD CSV, a transaction batch, a write, a schema or administration command, or run on another
 * database; for callers without an editor's key, no operator may read nodes but from a public label. It then runs in
 * a READ transaction (which Neo4j itself refuses to write in) with a timeout, and only its first `rowCap` rows and
 * `maxBytes` of JSON are read.
 *
 * Queries run in a lane of their own (a runner with its own small pool, see QueryRunner.lane): at most `poolSize`
 * at once, at most `queueSize` waiting (more: 503 BUSY with Retry-After). The server stops waiting when the timeout
 * passes or the client leaves, and terminates the query in Neo4j; its slot is free again once Neo4j has ended it
 * (or after RELEASE_AFTER_MS, when Neo4j does not say so).
 */
export interface CypherEndpointOptions {
  /** Time a query may take from its arrival (queue, plan and run), in milliseconds; also its Neo4j timeout. */
  timeoutMs: number;
  /** At most this many rows are returned; `truncated` says whether there were more. */
  rowCap: number;
  /** At most this many bytes of rows (as JSON) are returned (default 10 MiB); `truncatedBy` says which cap ended it. */
  maxBytes?: number;
  /** Queries that run at once (default 4): the lane's connections. */
  poolSize?: number;
  /** Queries that may wait for a free slot (default 16); more are answered 503 BUSY. */
  queueSize?: number;
  /** Largest accepted query text, in UTF-8 bytes (default 10 240). */
  maxQueryBytes?: number;
  /** The runner queries run on (default: the runner itself); its pool should hold `poolSize` connections. */
  lane?: QueryRunner;
  /** Whether the request comes from an editor, who may read retired entities and the history (default: nobody). */
  isEditor?: (request: Request) => boolean;
}

export interface CypherResponse {
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  /** Which cap ended the answer when it is truncated. */
  truncatedBy?: 'rows' | 'bytes';
  rowCap: number;
  maxBytes: number;
  /** Rows left out because they hold a retired entity or a history record (for callers who are not editors). */
  withheld: number;
  elapsedMs: number;
}

const DEFAULT_MAX_QUERY_BYTES = 10_240;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_POOL_SIZE = 4;
const DEFAULT_QUEUE_SIZE = 16;
/** Planning is not the query's work: EXPLAIN gets at least this long (a cold planner can take seconds). */
const MIN_EXPLAIN_TIMEOUT_MS = 10_000;
/** How long Neo4j gets to answer whether it is there, after a query's deadline passed. */
const PING_TIMEOUT_MS = 1000;
/** A slot whose query Neo4j has not ended this long after it was given up on is freed all the same. */
const RELEASE_AFTER_MS = 60_000;
/** What /cypher transactions are called in Neo4j's transaction metadata. */
const OPERATION = 'POST /cypher';

/** Why a request stopped waiting: its time passed or its client left. */
class GaveUp extends Error {
  constructor(readonly reason: 'timeout' | 'gone') {
    super(reason === 'timeout' ? 'the deadline passed' : 'the client left');
  }
}

function validate(body: unknown, maxQueryBytes: number): { query: string; params: Record<string, unknown> } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('the body must be a JSON object { "query": string, "params"?: object } sent as application/json');
  }
  const { query, params } = body as { query?: unknown; params?: unknown };
  if (query === undefined || query === null)
    throw badRequest('"query" is missing: send { "query": "MATCH ... RETURN ..." }');
  if (typeof query !== 'string')
    throw badRequest(`"query" must be a string, got ${Array.isArray(query) ? 'array' : typeof query}`);
  if (query.trim() === '') throw badRequest('"query" is empty');
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes > maxQueryBytes)
    throw badRequest(`"query" is ${bytes} bytes long; at most ${maxQueryBytes} bytes (UTF-8) are accepted`);
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw badRequest(
      `"params" must be an object of named parameters, got ${Array.isArray(params) ? 'array' : typeof params}`,
    );
  }
  return { query, params: (params ?? {}) as Record<string, unknown> };
}

/** The endpoint's router, and a wait for the terminations it sent in the background (a stopping app awaits it). */
export type CypherRouter = Router & { settled(): Promise<void> };

/** Given a query runner and limits, returns a router serving POST / (read-only Cypher; see the module comment). */
export function cypherRouter(runner: QueryRunner, options: CypherEndpointOptions): CypherRouter {
  const { timeoutMs, rowCap, maxBytes = DEFAULT_MAX_BYTES, lane: laneRunner = runner } = options;
  const maxQueryBytes = options.maxQueryBytes ?? DEFAULT_MAX_QUERY_BYTES;
  const isEditor = options.isEditor ?? (() => false);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw new Error(`cypherRouter: timeoutMs must be a positive integer, got ${timeoutMs}`);
  if (!Number.isInteger(rowCap) || rowCap < 0)
    throw new Error(`cypherRouter: rowCap must be a non-negative integer, got ${rowCap}`);
  const lane = new Lane(options.poolSize ?? DEFAULT_POOL_SIZE, options.queueSize ?? DEFAULT_QUEUE_SIZE);
  const explainTimeoutMs = Math.max(timeoutMs, Math.min(MIN_EXPLAIN_TIMEOUT_MS, runner.queryTimeoutMs));
  const retryAfter = Math.max(1, Math.ceil(timeoutMs / 1000));
  const terminations = new Set<Promise<unknown>>();

  /** Waits for a slot of the lane until the request gives up; a full queue or a wait past the deadline: BUSY. */
  async function slot(signal: AbortSignal): Promise<Release> {
    const release = await lane.acquire(signal).catch((error: unknown) => {
      if (error instanceof GaveUp && error.reason === 'timeout')
        throw busy(
          `no /cypher query finished within ${timeoutMs} ms to make room for this one; try again later`,
          retryAfter,
        );
      throw error;
    });
    if (release) return release;
    throw busy(
      `the /cypher endpoint is busy: ${lane.slots} queries run and ${lane.queueSize} wait; ` +
        'try again after the seconds in Retry-After',
      retryAfter,
    );
  }

  /**
   * The answer to a query given up on: a timeout when Neo4j still answers (it is terminated meanwhile), else
   * SERVICE_UNAVAILABLE; the slot is freed when Neo4j has ended the query.
   */
  async function givenUp(request: string, reason: GaveUp, ended: Promise<void>, release: Release) {
    const giveUp = setTimeout(release, RELEASE_AFTER_MS).unref();
    void ended.finally(() => {
      clearTimeout(giveUp);
      release();
    });
    const termination = runner.terminate(request).catch((error: unknown) => {
      console.error('cypher endpoint: terminate:', error instanceof Error ? firstLine(error.message) : error);
    });
    terminations.add(termination);
    void termination.finally(() => terminations.delete(termination));
    if (reason.reason === 'gone') return reason;
    const away = await runner.ping(PING_TIMEOUT_MS);
    if (away !== undefined) return new EndpointError(503, 'SERVICE_UNAVAILABLE', `the query got no answer: ${away}`);
    return new EndpointError(408, 'TIMEOUT', `the query ran longer than ${timeoutMs} ms and was stopped`);
  }

  async function execute(
    query: string,
    rawParams: Record<string, unknown>,
    editor: boolean,
    signal: AbortSignal,
  ): Promise<CypherResponse> {
    const started = performance.now();
    const textRefusal = screenText(query, runner.database);
    if (textRefusal) throw textRefusal;
    const params = jsonParams(rawParams);
    const release = await slot(signal);
    const request = randomUUID();
    const scoped = laneRunner.scoped({ operation: OPERATION, request });
    let ended: Promise<void> = Promise.resolve();
    const stopped = (promise: Promise<void>) => {
      ended = promise;
    };
    try {
      // 1. The plan: what the query would do, without doing it.
      const plan = await scoped.explain(query, params, { timeoutMs: explainTimeoutMs, signal, stopped });
      const planRefusal = screenPlan(query, plan, runner.database, { editor });
      if (planRefusal) throw planRefusal;
      // 2. The run: a READ transaction (Neo4j refuses writes in it) with a timeout, read up to the caps.
      const answer = await scoped.readCapped(query, params, { timeoutMs, rowCap, maxBytes, signal, stopped });
      if (answer.truncatedBy === 'bytes' && answer.rows.length === 0) {
        throw new EndpointError(
          413,
          'RESULT_TOO_LARGE',
          `the first row of the answer alone is larger than ${maxBytes} bytes of JSON (CYPHER_MAX_BYTES); ` +
            'return fewer or smaller values',
        );
      }
      const { rows, withheld } = editor ? { rows: answer.rows, withheld: 0 } : withholdPrivate(answer.rows);
      void ended.finally(release);
      return {
        columns: answer.columns,
        rows,
        rowCount: rows.length,
        truncated: answer.truncated,
        ...(answer.truncatedBy ? { truncatedBy: answer.truncatedBy } : {}),
        rowCap,
        maxBytes,
        withheld,
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      if (error instanceof GaveUp) throw await givenUp(request, error, ended, release);
      void ended.finally(release);
      throw error;
    }
  }

  const router = express.Router();
  router.post('/', async (request: Request, response: Response) => {
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(new GaveUp('timeout')), timeoutMs);
    const onClose = () => {
      if (!response.writableFinished) controller.abort(new GaveUp('gone'));
    };
    response.on('close', onClose);
    try {
      const { query, params } = validate(request.body, maxQueryBytes);
      response.json(await execute(query, params, isEditor(request), controller.signal));
    } catch (error) {
      if (error instanceof GaveUp || response.headersSent) return;
      const failure = toEndpointError(error, timeoutMs);
      if (failure.status === 500) {
        // The message is the client's; the cause stays in the server's log without reaching the response.
        console.error(
          'cypher endpoint:',
          error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : error,
        );
      }
      if (failure.retryAfter !== undefined) response.set('Retry-After', String(failure.retryAfter));
      sendError(response, failure.status, failure.code, failure.message);
    } finally {
      clearTimeout(deadline);
      response.off('close', onClose);
    }
  });
  return Object.assign(router, {
    settled: async () => {
      await Promise.allSettled([...terminations]);
    },
  });
}
