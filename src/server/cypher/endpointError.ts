import { DatabaseError } from '../../db/queryRunner';

export type CypherErrorCode =
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'TIMEOUT'
  | 'RESULT_TOO_LARGE'
  | 'BUSY'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An answer of the /cypher endpoint other than 200: its status, code and a message a person can read. */
export class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly code: CypherErrorCode,
    message: string,
    /** Seconds after which a client may try again (503 BUSY), sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

/** Given a reason and the seconds to wait, returns a 503 BUSY answer: the /cypher lane has no room now. */
export const busy = (message: string, retryAfter: number) => new EndpointError(503, 'BUSY', message, retryAfter);

/** Given a message, returns a 400 BAD_REQUEST answer. */
export const badRequest = (message: string) => new EndpointError(400, 'BAD_REQUEST', message);

/** Given a message, returns a 403 FORBIDDEN answer. */
export const forbidden = (message: string) => new EndpointError(403, 'FORBIDDEN', message);

/** The refusal of LOAD CSV, which the text and the plan screens both find. */
export const LOAD_CSV_REFUSAL =
  'the query uses LOAD CSV, which reads files or URLs from the server; only graph reads are allowed';

/** The refusal of CALL { ... } IN TRANSACTIONS, which the text and the plan screens both find. */
export const IN_TRANSACTIONS_REFUSAL =
  'the query uses CALL { ... } IN TRANSACTIONS, which commits batches of its own; ' +
  'only single read transactions are allowed';

/** Given an error message, returns its first line: Neo4j's messages go on with a caret under the query. */
export const firstLine = (message: string) => message.split('\n')[0].trim();

/** Maps a failure while planning or running a query (timeoutMs: the query's) to its answer: never a stack trace. */
export function toEndpointError(error: unknown, timeoutMs: number): EndpointError {
  if (error instanceof EndpointError) return error;
  const detail = error instanceof DatabaseError ? error.detail : error instanceof Error ? error.message : String(error);
  const message = firstLine(detail) || 'no detail given';
  if (error instanceof DatabaseError && error.poolExhausted)
    return busy('every connection of the /cypher endpoint is in use; try again later', 1);
  // Neo4j did not answer in time: the message says so without anything of the driver's.
  if (error instanceof DatabaseError && error.code === 'SERVICE_UNAVAILABLE' && error.neo4jCode === undefined)
    return new EndpointError(503, 'SERVICE_UNAVAILABLE', firstLine(error.message));
  if (!(error instanceof DatabaseError) || error.neo4jCode === undefined)
    return new EndpointError(500, 'INTERNAL_SERVER_ERROR', `the query failed: ${message}`);
  switch (error.code) {
    case 'TIMEOUT':
      return new EndpointError(408, 'TIMEOUT', `the query ran longer than ${timeoutMs} ms and was stopped`);
    case 'SERVICE_UNAVAILABLE':
      return new EndpointError(503, 'SERVICE_UNAVAILABLE', `Neo4j is not reachable: ${message}`);
    case 'FORBIDDEN':
      return forbidden(`Neo4j refused the query: ${message}; only reads are allowed`);
    case 'UNAUTHENTICATED':
      return new EndpointError(503, 'SERVICE_UNAVAILABLE', `the server cannot authenticate with Neo4j: ${message}`);
    case 'TERMINATED':
      return new EndpointError(503, 'SERVICE_UNAVAILABLE', `the query was terminated by Neo4j: ${message}`);
    case 'BAD_QUERY':
    case 'PROCEDURE_FAILED':
    case 'CONSTRAINT_VIOLATION':
      return badRequest(`Neo4j rejected the query: ${message}`);
    case 'TRANSIENT':
      return new EndpointError(
        503,
        'SERVICE_UNAVAILABLE',
        `Neo4j could not run the query now (${error.neo4jCode}): ${message}`,
      );
    default:
      return new EndpointError(
        500,
        'INTERNAL_SERVER_ERROR',
        `Neo4j failed to run the query (${error.neo4jCode}): ${message}`,
      );
  }
}
