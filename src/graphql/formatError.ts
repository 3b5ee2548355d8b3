import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DatabaseError } from '../db/queryRunner';
import { DomainError } from '../domain/errors';
import { TOKEN_LIMIT_MESSAGE } from './queryLimits';

/** Codes of errors the user can act on; their messages are shown as they are. */
const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** What a user may be told of an error: a code to act on and a message without internals. */
export interface PublicError {
  code: string;
  message: string;
}

/**
 * Given an error raised below the API, returns the code and message a user may see: a domain error's own, a plain
 * word when Neo4j is unreachable or a query ran out of time; undefined for anything else, which must be masked.
 */
export function publicError(error: unknown): PublicError | undefined {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  if (error instanceof DatabaseError && error.code === 'SERVICE_UNAVAILABLE') {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The graph database is not reachable right now; try again shortly.',
    };
  }
  if (error instanceof DatabaseError && error.code === 'BAD_BOOKMARK') {
    return {
      code: 'BAD_REQUEST',
      message:
        'The X-Neo4j-Bookmark header sent is not a bookmark of this database: send back the value a response gave.',
    };
  }
  if (error instanceof DatabaseError && error.code === 'BOOKMARK_TIMEOUT') {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database has not caught up yet with the X-Neo4j-Bookmark sent; try again shortly.',
    };
  }
  if (error instanceof DatabaseError && error.code === 'TIMEOUT') {
    return {
      code: 'QUERY_TIMEOUT',
      message: `${error.message} Ask for less (fewer hops, a smaller page) or try again.`,
    };
  }
  return undefined;
}

/** The answer to an error nobody planned for: it says nothing of the cause. */
export const MASKED: PublicError = { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' };

/**
 * Apollo's formatError, the one place errors become GraphQL errors: keeps expected errors (message, code, location,
 * and a limit's name and value), maps domain and database errors by publicError, and masks everything else: no
 * stack, no Cypher, no driver message.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const where = {
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
  };
  // What was thrown: graphql-js wraps a resolver's (or a plugin's) error in a GraphQLError.
  const thrown = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const mapped = publicError(thrown);
  if (mapped) return { message: mapped.message, ...where, extensions: { code: mapped.code } };
  const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (tokens) {
    const max = tokens[1];
    const message = `The operation has more than ${max} tokens; at most ${max} are allowed (MAX_TOKENS = ${max}).`;
    return {
      message,
      ...where,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_TOKENS', value: Number(tokens[1]) },
    };
  }
  // A validation rule's own error (asOf: "2023-13" refused by its scalar, a limit) keeps its code.
  const inner =
    error instanceof GraphQLError && error.originalError instanceof GraphQLError
      ? error.originalError.extensions
      : undefined;
  const code =
    inner?.code === 'BAD_USER_INPUT' || inner?.code === 'QUERY_TOO_COMPLEX' ? inner.code : formatted.extensions?.code;
  if (code === 'QUERY_TOO_COMPLEX') {
    const { limit, value } = { ...formatted.extensions, ...inner };
    return { message: formatted.message, ...where, extensions: { code, limit, value } };
  }
  if (typeof code === 'string' && EXPECTED.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  console.error('graphql: unexpected error', thrown);
  return { message: MASKED.message, ...where, extensions: { code: MASKED.code } };
}
