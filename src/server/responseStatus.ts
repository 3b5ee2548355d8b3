import type { ApolloServerPlugin } from '@apollo/server';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';

/** The quality a client's Accept header gives a media type (exact, type/* or * / *), 0 when it is not acceptable. */
export function quality(accept: string, mediaType: string): number {
  const [type] = mediaType.split('/');
  let best = -1;
  let specificity = -1;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    const rank = range === mediaType ? 2 : range === `${type}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (rank > specificity) {
      specificity = rank;
      best = q === undefined ? 1 : Number(q);
    }
  }
  return Math.max(best, 0);
}

/**
 * GraphQL over HTTP: a client that takes application/graphql-response+json (and prefers it) gets it, with 4xx for
 * a request that could not run (parse, validation, variables, limits). One that takes application/json (or says
 * nothing) gets application/json with 200 and the errors in the body, as that media type has always had them; a
 * body that is not a GraphQL request at all gets 400 either way, and one without a valid key (where one is needed
 * before the operation runs) 401.
 */
export const responseStatusPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept') || JSON_TYPE;
    const modern = quality(accept, GRAPHQL_RESPONSE_JSON);
    const legacy = quality(accept, JSON_TYPE);
    // Neither acceptable: Apollo answers application/json as before; equal: application/json, as Apollo prefers.
    const contentType = modern > legacy ? GRAPHQL_RESPONSE_JSON : JSON_TYPE;
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        response.http.headers.set('content-type', `${contentType}; charset=utf-8`);
        const status = response.http.status ?? 200;
        const { data, errors = [] } = response.body.singleResult;
        // A body that is no GraphQL request at all (BAD_REQUEST: no query, a query that is not a string) stays 400,
        // and a request without a valid key stays 401.
        const kept = errors.some(
          (error) => error.extensions?.code === 'BAD_REQUEST' || error.extensions?.code === 'UNAUTHENTICATED',
        );
        if (contentType === JSON_TYPE && status >= 400 && status < 500 && data === undefined && !kept)
          response.http.status = 200;
      },
    };
  },
};
