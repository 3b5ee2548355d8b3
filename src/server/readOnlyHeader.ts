import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A request that carries `X-GraphQL-Read-Only: 1` may be sent again to another server when the first fails (the
 * balancer's retrying location sets it: see deploy/nginx), so it must not write: a mutation sent with it is
 * refused before it runs. A mutation is sent without it and never retried by the balancer, so it is applied once.
 */
export const READ_ONLY_HEADER = 'X-GraphQL-Read-Only';

export const readOnlyPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const readOnly = request.http?.headers.get(READ_ONLY_HEADER.toLowerCase())?.trim() === '1';
    if (!readOnly) return {};
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'mutation') return;
        throw new GraphQLError(
          `This request is marked ${READ_ONLY_HEADER}: 1, so a balancer may send it to another server when one ` +
            'fails; a mutation must be sent without it, so that it is applied at most once.',
          { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
        );
      },
    };
  },
};
