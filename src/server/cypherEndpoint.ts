import express, { Request, Response, Router } from 'express';
import neo4j, {
  Duration,
  Integer,
  Neo4jError,
  Plan,
  ResultSummary,
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUUID,
  isUnboundRelationship,
  isUnsupportedType,
  isVector,
} from 'neo4j-driver';
import type { QueryRunner } from '../db/queryRunner';

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

export type CypherErrorCode = 'BAD_REQUEST' | 'FORBIDDEN' | 'TIMEOUT' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

export interface CypherResponse {
  columns: string[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  rowCap: number;
  elapsedMs: number;
}

/** An answer other than 200: its status, code and a message a person can read. */
class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly code: CypherErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

const badRequest = (message: string) => new EndpointError(400, 'BAD_REQUEST', message);
const forbidden = (message: string) => new EndpointError(403, 'FORBIDDEN', message);

const DEFAULT_MAX_QUERY_BYTES = 10_240;
/** Planning is not the query's work: EXPLAIN gets at least this long (a cold planner can take seconds). */
const MIN_EXPLAIN_TIMEOUT_MS = 10_000;
/** Records pulled per batch at most. */
const MAX_FETCH_SIZE = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Text screening
// ---------------------------------------------------------------------------------------------------------------

interface Token {
  /** 'word' for identifiers and keywords (backtick-quoted ones too), 'punct' for one character of anything else. */
  kind: 'word' | 'punct';
  text: string;
  quoted?: boolean;
}

/** Splits Cypher into words and punctuation, leaving out comments, string literals and numbers' contents. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '/' && query[i + 1] === '/') {
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i += 1;
    } else if (ch === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === "'" || ch === '"') {
      // A string literal: its contents are data, never clauses. Replaced by one placeholder token.
      i += 1;
      while (i < n && query[i] !== ch) i += query[i] === '\\' ? 2 : 1;
      i += 1;
      tokens.push({ kind: 'punct', text: 'STRING' });
    } else if (ch === '`') {
      let name = '';
      i += 1;
      while (i < n) {
        if (query[i] === '`') {
          if (query[i + 1] === '`') {
            name += '`';
            i += 2;
            continue;
          }
          break;
        }
        name += query[i];
        i += 1;
      }
      i += 1;
      tokens.push({ kind: 'word', text: name, quoted: true });
    } else if (/[\p{L}_]/u.test(ch)) {
      let j = i + 1;
      while (j < n && /[\p{L}\p{N}_]/u.test(query[j])) j += 1;
      tokens.push({ kind: 'word', text: query.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[0-9a-zA-Z_]/.test(query[j])) j += 1;
      // A decimal point followed by digits belongs to the number, not to a namespace.
      if (query[j] === '.' && /[0-9]/.test(query[j + 1] ?? '')) {
        j += 1;
        while (j < n && /[0-9a-zA-Z_]/.test(query[j])) j += 1;
      }
      tokens.push({ kind: 'punct', text: 'NUMBER' });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: ch });
      i += 1;
    }
  }
  return tokens;
}

/** Namespaces of Cypher's own functions; a call in any other namespace is a plugin's or the DBMS's and is refused. */
const BUILT_IN_NAMESPACES = new Set([
  'point',
  'vector',
  'vector.similarity',
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
]);

const isKeyword = (token: Token | undefined, ...words: string[]) =>
  token !== undefined && token.kind === 'word' && !token.quoted && words.includes(token.text.toUpperCase());

/** A clause starts at the beginning of the query, of a subquery (`{`) or after UNION [ALL | DISTINCT]. */
function atClauseStart(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1];
  return (
    before === undefined ||
    (before.kind === 'punct' && before.text === '{') ||
    isKeyword(before, 'UNION', 'ALL', 'DISTINCT')
  );
}

/** A bare word used as a keyword: not a property key (`n.set`), label (`:Set`), parameter (`$set`) or map key (`{set: 1}`). */
function keywordAt(tokens: Token[], index: number): string | undefined {
  const token = tokens[index];
  if (token.kind !== 'word' || token.quoted) return undefined;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (before?.kind === 'punct' && ['.', ':', '$'].includes(before.text)) return undefined;
  if (after?.kind === 'punct' && after.text === ':') return undefined;
  return token.text.toUpperCase();
}

const ADMIN_START = new Set([
  'SHOW',
  'TERMINATE',
  'GRANT',
  'DENY',
  'REVOKE',
  'START',
  'STOP',
  'ALTER',
  'DROP',
  'RENAME',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);
const ADMIN_OBJECTS = new Set([
  'DATABASE',
  'DATABASES',
  'USER',
  'USERS',
  'ROLE',
  'ROLES',
  'INDEX',
  'INDEXES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'ALIAS',
  'ALIASES',
  'SERVER',
  'SERVERS',
  'PRIVILEGE',
  'PRIVILEGES',
  'COMPOSITE',
  'TRANSACTION',
  'TRANSACTIONS',
  'PROCEDURE',
  'PROCEDURES',
  'FUNCTION',
  'FUNCTIONS',
  'SETTING',
  'SETTINGS',
  'HOME',
  'CURRENT',
]);
const INDEX_KINDS = new Set(['RANGE', 'TEXT', 'POINT', 'FULLTEXT', 'LOOKUP', 'VECTOR', 'BTREE']);
const WRITE_KEYWORDS = ['CREATE', 'MERGE', 'SET', 'DELETE', 'REMOVE', 'FOREACH'];

/** The words that make up a query's write clauses, in order of appearance (DETACH DELETE as one). */
export function writeKeywords(query: string): string[] {
  const tokens = tokenize(query);
  const found: string[] = [];
  tokens.forEach((_, index) => {
    const word = keywordAt(tokens, index);
    if (word === undefined || !WRITE_KEYWORDS.includes(word)) return;
    const name = word === 'DELETE' && isKeyword(tokens[index - 1], 'DETACH') ? 'DETACH DELETE' : word;
    if (!found.includes(name)) found.push(name);
  });
  return found;
}

/** The graph a USE clause names, starting after USE: a (dotted) name, or graph.byName(...) / graph.byElementId(...). */
function useTarget(tokens: Token[], start: number): string {
  const parts: string[] = [];
  let i = start;
  while (tokens[i]?.kind === 'word') {
    parts.push(tokens[i].text);
    if (tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '.' && tokens[i + 2]?.kind === 'word') i += 2;
    else break;
  }
  const name = parts.join('.');
  return tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '(' ? `${name}(...)` : name;
}

/**
 * Refuses what the text alone shows and EXPLAIN may not: another database, administration and SHOW/TERMINATE
 * commands, LOAD CSV, transaction batches, procedure calls and non-built-in functions. Returns the refusal, or undefined.
 */
export function screenText(query: string, database: string): EndpointError | undefined {
  const tokens = tokenize(query);
  if (tokens.length === 0) return badRequest('the query is empty (only comments or whitespace)');
  if (isKeyword(tokens[0], 'EXPLAIN', 'PROFILE', 'CYPHER')) {
    return badRequest(`the query must not start with ${tokens[0].text.toUpperCase()}: send the statement alone`);
  }
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    const word = keywordAt(tokens, index);
    const next = tokens[index + 1];
    if (word === 'USE' && atClauseStart(tokens, index) && next?.kind === 'word') {
      const target = useTarget(tokens, index + 1);
      if (target.toLowerCase() !== database.toLowerCase()) {
        return forbidden(
          `the query targets another database (USE ${target}); only the "${database}" database can be queried`,
        );
      }
    }
    if (word !== undefined && ADMIN_START.has(word) && atClauseStart(tokens, index) && next?.kind === 'word') {
      return forbidden(
        `the query is an administration command (${word} ${next.text.toUpperCase()}); only reads are allowed`,
      );
    }
    if (word === 'CREATE' || word === 'DROP' || word === 'ALTER' || word === 'RENAME') {
      // CREATE [OR REPLACE] [COMPOSITE | RANGE | TEXT | ...] DATABASE | USER | ROLE | INDEX | CONSTRAINT | ...
      let j = index + 1;
      if (isKeyword(tokens[j], 'OR') && isKeyword(tokens[j + 1], 'REPLACE')) j += 2;
      if (tokens[j]?.kind === 'word' && !tokens[j].quoted && INDEX_KINDS.has(tokens[j].text.toUpperCase())) j += 1;
      if (isKeyword(tokens[j], 'COMPOSITE')) j += 1;
      if (tokens[j]?.kind === 'word' && !tokens[j].quoted && ADMIN_OBJECTS.has(tokens[j].text.toUpperCase())) {
        return forbidden(
          `the query is an administration or schema command (${word} ${tokens[j].text.toUpperCase()}); only reads are allowed`,
        );
      }
    }
    if (word === 'LOAD' && (isKeyword(next, 'CSV') || isKeyword(next, 'FROM'))) {
      return forbidden(
        'the query uses LOAD CSV, which reads files or URLs from the server; only graph reads are allowed',
      );
    }
    if (word === 'IN' && isKeyword(next, 'TRANSACTIONS')) {
      return forbidden(
        'the query uses CALL { ... } IN TRANSACTIONS, which commits batches of its own; only single read transactions are allowed',
      );
    }
    if (word === 'CALL' && next?.kind === 'word') {
      return forbidden(`the query calls a procedure (${callName(tokens, index + 1)}); procedure calls are not allowed`);
    }
    // A call in a namespace: name (. name)+ ( — or a quoted name holding dots followed by (.
    if (token.kind === 'word' && !(tokens[index - 1]?.kind === 'punct' && tokens[index - 1].text === '.')) {
      const name = callName(tokens, index);
      if (name !== undefined && name.includes('.')) {
        const refusal = screenFunctionName(name);
        if (refusal) return refusal;
      }
    }
  }
  return undefined;
}

/** The dotted name starting at `index` when it is followed by `(` (a function or procedure call), else undefined. */
function callName(tokens: Token[], index: number): string | undefined {
  const parts: string[] = [];
  let i = index;
  while (tokens[i]?.kind === 'word') {
    parts.push(tokens[i].text);
    if (tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '.' && tokens[i + 2]?.kind === 'word') i += 2;
    else break;
  }
  const followedByParen = tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '(';
  return followedByParen || tokens[index - 1]?.text.toUpperCase() === 'CALL' ? parts.join('.') : undefined;
}

function screenFunctionName(name: string): EndpointError | undefined {
  const namespace = name.slice(0, name.lastIndexOf('.')).toLowerCase();
  if (BUILT_IN_NAMESPACES.has(namespace)) return undefined;
  const root = namespace.split('.')[0];
  if (['db', 'dbms', 'apoc'].includes(root)) {
    return forbidden(`the query calls ${name}(...); functions and procedures of ${root}.* are not allowed`);
  }
  return forbidden(
    `the query calls ${name}(...), which is not a built-in Cypher function; only built-in functions are allowed`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Plan screening
// ---------------------------------------------------------------------------------------------------------------

/** Every operator of a plan, depth first. */
function operators(plan: Plan): Plan[] {
  return [plan, ...plan.children.flatMap(operators)];
}

const WRITE_OPERATOR = /^(Create|Merge|LockingMerge|Delete|DetachDelete|Set[A-Z]|Remove|Foreach$|SubqueryForeach)/;
const SCHEMA_OPERATOR =
  /^((Create|Drop)(Index|Constraint)|DoNothingIfExists|AdministrationCommand|SystemProcedureCall)/;
const WRITE_CLAUSE_OF: [RegExp, string][] = [
  [/^(Create)/, 'CREATE'],
  [/^(Merge|LockingMerge)/, 'MERGE'],
  [/^DetachDelete/, 'DETACH DELETE'],
  [/^Delete/, 'DELETE'],
  [/^Remove/, 'REMOVE'],
  [/^Set/, 'SET'],
  [/^Foreach$/, 'FOREACH'],
  [/^SubqueryForeach/, 'CALL { ... }'],
];
/** A dotted name followed by `(` in an operator's details: a function or procedure call. */
const CALL_IN_DETAILS = /(?<![\w.$`])`?([A-Za-z_][\w]*(?:`?\.`?[A-Za-z_][\w]*)+)`?\s*\(/g;

function writeClauses(query: string, ops: string[]): string {
  const fromText = writeKeywords(query);
  if (fromText.length > 0) return fromText.join(', ');
  const fromPlan = [
    ...new Set(
      ops.flatMap((op) => WRITE_CLAUSE_OF.filter(([pattern]) => pattern.test(op)).map(([, clause]) => clause)),
    ),
  ];
  return fromPlan.length > 0
    ? fromPlan.join(', ')
    : ops.filter((op) => WRITE_OPERATOR.test(op) || SCHEMA_OPERATOR.test(op)).join(', ') || 'unknown clause';
}

/** Refuses a planned query that is not a pure read of `database`. Returns the refusal, or undefined. */
export function screenPlan(query: string, summary: ResultSummary, database: string): EndpointError | undefined {
  const plan = summary.plan;
  if (!plan)
    return forbidden(
      'Neo4j gave no plan for the query, so it cannot be checked; only plannable read queries are allowed',
    );
  const all = operators(plan);
  const names = all.map((op) => op.operatorType.split('@')[0]);
  const targets = [
    ...new Set(
      all.map((op) => op.operatorType.split('@')[1]).filter((db): db is string => db !== undefined && db !== ''),
    ),
  ];
  const foreign = targets.filter((db) => db.toLowerCase() !== database.toLowerCase());
  if (foreign.length > 0) {
    return forbidden(
      `the query runs on another database (${foreign.join(', ')}); only the "${database}" database can be queried`,
    );
  }
  for (const op of all) {
    const name = op.operatorType.split('@')[0];
    const details = typeof op.arguments?.Details === 'string' ? op.arguments.Details : '';
    if (/Procedure/i.test(name)) {
      return forbidden(
        `the query calls a procedure (${details.split(' :: ')[0] || name}); procedure calls are not allowed`,
      );
    }
    if (/CSV/i.test(name))
      return forbidden(
        'the query uses LOAD CSV, which reads files or URLs from the server; only graph reads are allowed',
      );
    if (/^Transaction/.test(name)) {
      return forbidden(
        'the query uses CALL { ... } IN TRANSACTIONS, which commits batches of its own; only single read transactions are allowed',
      );
    }
    if (/^(Show|Terminate)/.test(name))
      return forbidden(`the query is a ${name} command; only graph reads are allowed`);
    for (const match of details.matchAll(CALL_IN_DETAILS)) {
      const refusal = screenFunctionName(match[1].replace(/`/g, ''));
      if (refusal) return refusal;
    }
  }
  const schema = names.filter((name) => SCHEMA_OPERATOR.test(name));
  if (summary.queryType === 's' || schema.length > 0) {
    return forbidden(
      `the query changes the schema or administers the database (${schema.join(', ') || writeClauses(query, names)}); only reads are allowed`,
    );
  }
  const writes = names.filter((name) => WRITE_OPERATOR.test(name));
  if (summary.queryType !== 'r' || writes.length > 0) {
    if (summary.queryType === 'w' || summary.queryType === 'rw' || writes.length > 0) {
      return forbidden(`the query writes to the database (${writeClauses(query, names)}); only reads are allowed`);
    }
    return forbidden(
      `Neo4j classifies the query as "${String(summary.queryType)}", not as a read ("r"); only reads are allowed`,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A duration as ISO 8601, as Cypher's toString() writes it (P1Y2M3DT4H5M6.5S; PT0S when zero). */
function isoDuration(value: Duration<number | Integer>): string {
  const num = (part: number | Integer) => BigInt(part.toString());
  const months = num(value.months);
  const days = num(value.days);
  // Seconds and nanoseconds as one signed count of nanoseconds.
  let nanos = num(value.seconds) * 1_000_000_000n + num(value.nanoseconds);
  const negative = nanos < 0n;
  if (negative) nanos = -nanos;
  const hours = nanos / 3_600_000_000_000n;
  const minutes = (nanos / 60_000_000_000n) % 60n;
  const wholeSeconds = (nanos / 1_000_000_000n) % 60n;
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  const sign = negative ? '-' : '';
  let out = 'P';
  if (months / 12n !== 0n) out += `${months / 12n}Y`;
  if (months % 12n !== 0n) out += `${months % 12n}M`;
  if (days !== 0n) out += `${days}D`;
  let time = '';
  if (hours !== 0n) time += `${sign}${hours}H`;
  if (minutes !== 0n) time += `${sign}${minutes}M`;
  if (wholeSeconds !== 0n || fraction !== '') time += `${sign}${wholeSeconds}${fraction ? `.${fraction}` : ''}S`;
  if (time !== '') out += `T${time}`;
  return out === 'P' ? 'PT0S' : out;
}

/** Converts a driver value to JSON: safe integers as numbers (others as strings), graph entities as objects. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (isNode(value))
    return { elementId: value.elementId, labels: [...value.labels], properties: toJson(value.properties) };
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: toJson(value.properties),
    };
  }
  if (isUnboundRelationship(value))
    return { elementId: value.elementId, type: value.type, properties: toJson(value.properties) };
  if (isPath(value)) {
    const out: unknown[] = [toJson(value.start)];
    for (const segment of value.segments) out.push(toJson(segment.relationship), toJson(segment.end));
    return out;
  }
  if (isDuration(value)) return isoDuration(value);
  if (
    isPoint(value) ||
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value)
  ) {
    return value.toString();
  }
  if (isUUID(value)) return value.toString();
  if (isVector(value)) return Array.from(value.asTypedArray() as ArrayLike<number | bigint>, toJson);
  if (isUnsupportedType(value)) return String(value);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toJson(item);
  return out;
}

/** JSON integers become Cypher integers (so `LIMIT $n` works); everything else is passed as parsed. */
function toParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toParams(item);
    return out;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

const firstLine = (message: string) => message.split('\n')[0].trim();

/** Maps a failure while planning or running a query to the answer it gets: never a stack trace. */
function toEndpointError(error: unknown, timeoutMs: number): EndpointError {
  if (error instanceof EndpointError) return error;
  const message = firstLine(error instanceof Error ? error.message : String(error)) || 'no detail given';
  const code = error instanceof Neo4jError ? error.code : undefined;
  if (code === undefined) return new EndpointError(500, 'INTERNAL_SERVER_ERROR', `the query failed: ${message}`);
  if (/TransactionTimedOut/.test(code))
    return new EndpointError(408, 'TIMEOUT', `the query ran longer than ${timeoutMs} ms and was stopped`);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new EndpointError(503, 'SERVICE_UNAVAILABLE', `Neo4j is not reachable: ${message}`);
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return forbidden(`Neo4j refused the query: ${message}; only reads are allowed`);
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new EndpointError(503, 'SERVICE_UNAVAILABLE', `the server cannot authenticate with Neo4j: ${message}`);
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.Terminated') ||
    code.startsWith('Neo.TransientError.Transaction.Terminated')
  ) {
    return new EndpointError(503, 'SERVICE_UNAVAILABLE', `the query was terminated by Neo4j: ${message}`);
  }
  if (code.startsWith('Neo.ClientError.')) return badRequest(`Neo4j rejected the query: ${message}`);
  if (code.startsWith('Neo.TransientError.'))
    return new EndpointError(503, 'SERVICE_UNAVAILABLE', `Neo4j could not run the query now (${code}): ${message}`);
  return new EndpointError(500, 'INTERNAL_SERVER_ERROR', `Neo4j failed to run the query (${code}): ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The router
// ---------------------------------------------------------------------------------------------------------------

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

  async function execute(query: string, rawParams: Record<string, unknown>): Promise<CypherResponse> {
    const started = performance.now();
    const textRefusal = screenText(query, runner.database);
    if (textRefusal) throw textRefusal;
    const params = toParams(rawParams) as Record<string, unknown>;
    const session = runner.driver.session({
      database: runner.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: Math.max(1, Math.min(rowCap + 1, MAX_FETCH_SIZE)),
      bookmarkManager: runner.driver.executeQueryBookmarkManager,
    });
    try {
      // 1. The plan: what the query would do, without doing it.
      const explainTx = await session.beginTransaction({ timeout: Math.max(timeoutMs, MIN_EXPLAIN_TIMEOUT_MS) });
      let summary: ResultSummary;
      try {
        summary = (await explainTx.run(`EXPLAIN\n${query}`, params)).summary;
      } finally {
        await explainTx.rollback().catch(() => undefined);
      }
      const planRefusal = screenPlan(query, summary, runner.database);
      if (planRefusal) throw planRefusal;

      // 2. The run: a READ transaction (Neo4j refuses writes in it) with a timeout, read up to rowCap rows.
      const tx = await session.beginTransaction({ timeout: timeoutMs, metadata: { app: 'cypher-endpoint' } });
      try {
        const result = tx.run(query, params);
        const columns = await result.keys();
        const rows: unknown[][] = [];
        let truncated = false;
        for await (const record of result) {
          if (rows.length >= rowCap) {
            truncated = true;
            break; // cancels the rest of the stream
          }
          rows.push(columns.map((_, index) => toJson(record.get(index))));
        }
        return {
          columns: [...columns],
          rows,
          rowCount: rows.length,
          truncated,
          rowCap,
          elapsedMs: Math.round(performance.now() - started),
        };
      } finally {
        await tx.rollback().catch(() => undefined);
      }
    } finally {
      await session.close().catch(() => undefined);
    }
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
