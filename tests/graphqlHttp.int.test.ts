import { auditServer } from 'graphql-http';
import { quality } from '../src/server/responseStatus';
import { GraphQLBody, codeOf, startSeededServer } from './support/graphqlClient';

let server: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server.close());

describe('GraphQL over HTTP', () => {
  it("passes graphql-http's server audits: no MUST (error) or SHOULD (warn) audit fails", async () => {
    const results = await auditServer({ url: server.url });
    expect(results.length).toBeGreaterThan(50);
    const failed = results
      .filter((result) => result.status === 'error' || result.status === 'warn')
      .map((result) => `${result.status}: ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed).toEqual([]);
  });

  it(`gives application/graphql-response+json and 400 to a client that prefers it, application/json \
and 200 otherwise`, async () => {
    const ask = (accept?: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accept && { accept }) },
        body: JSON.stringify({ query: '{ nope }' }),
      });
    for (const [accept, type, status] of [
      ['application/graphql-response+json', 'application/graphql-response+json', 400],
      ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json', 400],
      ['application/json', 'application/json', 200],
      ['*/*', 'application/json', 200],
      [undefined, 'application/json', 200],
    ] as const) {
      const response = await ask(accept);
      expect({ accept, type: response.headers.get('content-type'), status: response.status }).toEqual({
        accept,
        type: `${type}; charset=utf-8`,
        status,
      });
      expect(codeOf((await response.json()) as GraphQLBody)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('reads the quality of a media type from an Accept header', () => {
    expect(quality('application/json', 'application/json')).toBe(1);
    expect(quality('application/*;q=0.5, application/json;q=0.2', 'application/json')).toBe(0.2);
    expect(quality('application/*;q=0.5', 'application/graphql-response+json')).toBe(0.5);
    expect(quality('text/html', 'application/json')).toBe(0);
    expect(quality('*/*;q=0.1', 'application/json')).toBe(0.1);
  });
});
