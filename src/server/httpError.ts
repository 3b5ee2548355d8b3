import type { Request, Response } from 'express';
import { MASKED, publicError } from '../graphql/formatError';

/**
 * The one shape of an error answered by a route other than /graphql: `{ "error": { "code", "message", ... } }`.
 * Extra fields (a limit's name and value) sit beside the code inside `error`.
 */
export interface ErrorEnvelope {
  error: { code: string; message: string; [detail: string]: unknown };
}

/** Where the GraphQL endpoint is mounted: its refusals keep GraphQL's shape. */
export const GRAPHQL_PATH = '/graphql';

/** HTTP statuses of the codes a route may answer with; a code not listed is a server's failure (500). */
const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUERY_TOO_COMPLEX: 413,
  RESULT_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  BUSY: 503,
  QUERY_TIMEOUT: 504,
};

/** Given any error, returns the HTTP status it is answered with (500 for an error nobody planned for). */
export function statusOf(error: unknown): number {
  return STATUS[publicError(error)?.code ?? MASKED.code] ?? 500;
}

/** Writes the error envelope with its status, as JSON whatever content type the route had set before it failed. */
export function sendError(
  response: Response,
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  const body: ErrorEnvelope = { error: { ...details, code, message } };
  response.status(status).type('application/json').json(body);
}

/**
 * Answers an error caught by a route in the route's shape: a domain or database error with its code and message,
 * anything else masked (and logged).
 */
export function sendFailure(request: Request, response: Response, error: unknown): void {
  const mapped = publicError(error);
  if (!mapped) console.error('http: unexpected error', error);
  const { code, message } = mapped ?? MASKED;
  sendRefusal(request, response, statusOf(error), code, message);
}

/** What a request asked for, for a 404's message: its method and path, without the query. */
export const requested = (request: Request): string => `${request.method} ${request.baseUrl}${request.path}`;

/**
 * Refuses a request in the shape its route's clients read: GraphQL's `{ errors: [...] }` on the stack mounted at
 * /graphql (GraphQL over HTTP), the error envelope on every other route; the rest is sendError's arguments.
 */
export function sendRefusal(request: Request, ...answer: Parameters<typeof sendError>): void {
  const [response, status, code, message, details = {}] = answer;
  if (request.baseUrl === GRAPHQL_PATH) {
    response.status(status).json({ errors: [{ message, extensions: { ...details, code } }] });
  } else sendError(...answer);
}
