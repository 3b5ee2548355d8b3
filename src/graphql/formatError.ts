import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../db/queryRunner';

/** Codes of errors the user can act on; their messages are shown as they are. */
const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Keeps expected errors (message, code, location), says plainly when Neo4j is unreachable, and masks everything else. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }) };
  if (original instanceof DatabaseError && original.code === 'SERVICE_UNAVAILABLE') {
    return { message: 'The graph database is not reachable right now; try again shortly.', ...where, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  // A literal argument its scalar refused (asOf: "2023-13") fails validation; it is still the user's bad input.
  const refused = error instanceof GraphQLError && error.originalError instanceof GraphQLError ? error.originalError.extensions?.code : undefined;
  const code = refused === 'BAD_USER_INPUT' ? refused : formatted.extensions?.code;
  if (typeof code === 'string' && EXPECTED.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  console.error('graphql: unexpected error', original);
  return { message: 'Unexpected error.', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
