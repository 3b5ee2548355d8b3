import express, { Request, Response, Router } from 'express';
import type { QueryRunner } from '../../db/queryRunner';
import { badRequest, firstLine, toEndpointError } from './endpointError';
import { screenPlan } from './screenPlan';
import { screenText } from './screenText';
import { jsonParams } from './jsonParams';

/**
 * A read-only Cypher endpoint for researchers: POST / with { query, params? }.
 *
 * A query is screened twice before it runs: its text (things EXPLAIN may not show: USE, SHOW, TERMINATE,
 * administration commands, LOAD CSV, IN TRANSACTIONS, calls to db.* / dbms.* / apoc.* and other non-built-in
 * namespaces), then its plan (`EXPLAIN`): the query type must be 'r' and no operator may be a procedure call, LOAD CSV,
 * a transaction batch, a write, a schema or administration command, or run on another database. It then runs in a
 * READ transaction (which Neo4j itself refuses to write in) with a timeout, and only its first `rowCap` rows are read.
 */
export interface CypherEndpointOptions {
  /** Transaction timeout of the query, in milliseconds. */
  timeoutMs: number;
  /** At most this many rows are returned; `truncated` says whether there were more. */
  rowCap: number;
  /** Largest accepted query text, in UTF-8 bytes (default 10 240). */
  maxQueryBytes?: number;
}

export interface CypherResponse {
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  rowCap: number;
  elapsedMs: number;
}

const DEFAULT_MAX_QUERY_BYTES = 10_240;
/** Planning is not the query's work: EXPLAIN gets at least this long (a cold planner can take seconds). */
const MIN_EXPLAIN_TIMEOUT_MS = 10_000;
/** What /cypher transactions are called in Neo4j's transaction metadata. */
const SCOPE = { operation: 'POST /cypher' };

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

/** Given a query runner and limits, returns a router serving POST / (read-only Cypher; see the module comment). */
export function cypherRouter(runner: QueryRunner, options: CypherEndpointOptions): Router {
  const { timeoutMs, rowCap } = options;
  const maxQueryBytes = options.maxQueryBytes ?? DEFAULT_MAX_QUERY_BYTES;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw new Error(`cypherRouter: timeoutMs must be a positive integer, got ${timeoutMs}`);
  if (!Number.isInteger(rowCap) || rowCap < 0)
    throw new Error(`cypherRouter: rowCap must be a non-negative integer, got ${rowCap}`);
  const scoped = runner.scoped(SCOPE);

  async function execute(query: string, rawParams: Record<string, unknown>): Promise<CypherResponse> {
    const started = performance.now();
    const textRefusal = screenText(query, runner.database);
    if (textRefusal) throw textRefusal;
    const params = jsonParams(rawParams) as Record<string, unknown>;
    // 1. The plan: what the query would do, without doing it.
    const plan = await scoped.explain(query, params, { timeoutMs: Math.max(timeoutMs, MIN_EXPLAIN_TIMEOUT_MS) });
    const planRefusal = screenPlan(query, plan, runner.database);
    if (planRefusal) throw planRefusal;
    // 2. The run: a READ transaction (Neo4j refuses writes in it) with a timeout, read up to rowCap rows.
    const { columns, rows, truncated } = await scoped.readCapped(query, params, { timeoutMs, rowCap });
    return {
      columns,
      rows,
      rowCount: rows.length,
      truncated,
      rowCap,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  const router = express.Router();
  router.post('/', async (request: Request, response: Response) => {
    try {
      const { query, params } = validate(request.body, maxQueryBytes);
      response.json(await execute(query, params));
    } catch (error) {
      const failure = toEndpointError(error, timeoutMs);
      if (failure.status === 500) {
        // The message is the client's; the cause stays in the server's log without reaching the response.
        console.error(
          'cypher endpoint:',
          error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : error,
        );
      }
      if (!response.headersSent)
        response.status(failure.status).json({ error: { code: failure.code, message: failure.message } });
    }
  });
  return router;
}
