import { hashKey, parseApiKeys } from '../src/auth/apiKeys';
import { appConfig } from '../src/config';
import { QueryRunner } from '../src/db/queryRunner';
import { App, createApp } from '../src/server/createApp';
import { connectTestRunner } from './support/testDatabase';

const EDITOR = 'headers-test-editor';
const READER = 'headers-test-reader';
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

let runner: QueryRunner;
let served: App;
let base: string;

const graphql = (body: unknown, key?: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  runner = await connectTestRunner();
  const apiKeys = parseApiKeys(`ed:editor:${hashKey(EDITOR)},re:reader:${hashKey(READER)}`);
  const cypherEndpoint = { ...appConfig().cypherEndpoint, enabled: true };
  served = await createApp(appConfig({ apiKeys, requireKeyForReads: true, cypherEndpoint }), runner);
  base = `http://127.0.0.1:${(await served.listen(0, '127.0.0.1')).port}`;
});

afterAll(async () => {
  await served?.stop();
  await runner?.close();
});

describe('security headers', () => {
  it.each([
    ['GET', '/health', undefined],
    ['GET', '/ready', undefined],
    ['GET', '/nowhere', undefined],
    ['GET', '/export/constructor', undefined],
    ['POST', '/graphql', '{"query": "{ __typename }"}'],
    ['POST', '/graphql', '{not json'],
    ['POST', '/cypher', '{"query": "RETURN 1"}'],
  ])('%s %s carries nosniff, no-referrer and a CSP', async (method, route, body) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${READER}` },
      body,
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe(API_CSP);
  });

  it('leaves the playground its own CSP', async () => {
    const response = await fetch(`${base}/playground/`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).not.toBe(API_CSP);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src/);
  });
});

describe('operations refused before they run', () => {
  it('refuses a mutation without a key (401) or with a reader key (403) when reads need a key', async () => {
    const none = await graphql({ query: 'mutation { __typename }' });
    expect(none.status).toBe(401);
    const reader = await graphql({ query: 'mutation { __typename }' }, READER);
    expect(((await reader.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const editor = await graphql({ query: 'mutation { __typename }' }, EDITOR);
    expect(await editor.json()).toEqual({ data: { __typename: 'Mutation' } });
  });

  it('answers a subscription as a client error: this server has none', async () => {
    const response = await graphql({ query: 'subscription { __typename }' }, READER);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBeLessThan(500);
    expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0].message).toMatch(/no subscriptions/);
  });

  it.each([1, 2])('answers a persisted-query request (version %i) as a client error', async (version) => {
    const response = await graphql({ extensions: { persistedQuery: { version, sha256Hash: 'abc' } } }, READER);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    // application/json keeps GraphQL's 200 with the errors in the body (see responseStatusPlugin).
    expect(response.status).toBe(200);
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(body.errors[0].message).toBe('PersistedQueryNotSupported');
  });
});
