import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../db/queryRunner';
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

/**
 * Keeps expected errors (message, code, location, and a limit's name and value), says plainly when Neo4j is
 * unreachable or a query ran out of time, and masks everything else: no stack, no Cypher, no driver message.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
  };
  if (original instanceof DatabaseError && original.code === 'SERVICE_UNAVAILABLE') {
    return {
      message: 'The graph database is not reachable right now; try again shortly.',
      ...where,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (original instanceof DatabaseError && original.code === 'TIMEOUT') {
    return {
      message: `${original.message} Ask for less (fewer hops, a smaller page) or try again.`,
      ...where,
      extensions: { code: 'QUERY_TIMEOUT' },
    };
  }
  const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (tokens) {
    const message = `The operation has more than ${tokens[1]} tokens; at most ${tokens[1]} are allowed (MAX_TOKENS = ${tokens[1]}).`;
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
  console.error('graphql: unexpected error', original);
  return { message: 'Unexpected error.', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
