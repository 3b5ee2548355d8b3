import { GraphQLError } from 'graphql';

/** A mistake of the API's user: a GraphQLError with a code the user can act on. */
export function userError(message: string, code: 'BAD_USER_INPUT' | 'NOT_FOUND' = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
