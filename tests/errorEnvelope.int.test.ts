import { DEFAULT_LIMITS, appConfig } from '../src/config';
import { hashKey, parseApiKeys } from '../src/auth/apiKeys';
import type { QueryRunner } from '../src/db/queryRunner';
import { startTestServer } from './support/graphqlClient';
import { connectTestRunner } from './support/testDatabase';

const KEY = 'reader-key';
const apiKeys = parseApiKeys(`rita:reader:${hashKey(KEY)}`);
const cypherEndpoint = { ...appConfig().cypherEndpoint, enabled: true, timeoutMs: 5000, rowCap: 10 };
const BODY_BYTES = 2048;

/** A JSON answer: the error envelope, or GraphQL's errors on /graphql. */
interface Answer {
  status: number;
  type: string | null;
  body: {
    error?: { code: string; message: string; [detail: string]: unknown };
    errors?: { message: string; extensions: { code: string; [detail: string]: unknown } }[];
  };
}

/** Sends a request and reads its answer, which must be JSON. */
async function ask(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(text) };
}

const withKey = (headers: Record<string, string> = {}) => ({ ...headers, authorization: `Bearer ${KEY}` });
const jsonPost = (body: string, headers: Record<string, string> = withKey()): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

let runner: QueryRunner;
let keyed: Awaited<ReturnType<typeof startTestServer>>;
let limited: Awaited<ReturnType<typeof startTestServer>>;
const base = (server: { url: string }) => server.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  runner = await connectTestRunner();
  keyed = await startTestServer(runner, {
    apiKeys,
    requireKeyForReads: true,
    cypherEndpoint,
    limits: { ...DEFAULT_LIMITS, bodyBytes: BODY_BYTES },
  });
  limited = await startTestServer(runner, { cypherEndpoint, rateLimitPerMinute: 2 });
});

afterAll(async () => {
  await keyed.close();
  await limited.close();
  await runner.close();
});

describe('the error envelope of every route but /graphql', () => {
  const requests: [string, string, RequestInit, number, string][] = [
    ['an unknown export', '/export/graph.xlsx', { headers: withKey() }, 404, 'NOT_FOUND'],
    ["an export named after an object's own property", '/export/constructor', { headers: withKey() }, 404, 'NOT_FOUND'],
    ['an export without a key', '/export/nodes.csv', {}, 401, 'UNAUTHENTICATED'],
    [
      'an export with a key that is not configured',
      '/export/nodes.csv',
      { headers: { authorization: 'Bearer x' } },
      401,
      'UNAUTHENTICATED',
    ],
    ['a DELETE of an export', '/export/nodes.csv', { method: 'DELETE', headers: withKey() }, 404, 'NOT_FOUND'],
    ['/cypher without a key', '/cypher', jsonPost('{"query": "RETURN 1"}', {}), 401, 'UNAUTHENTICATED'],
    ['/cypher with a body that is not JSON', '/cypher', jsonPost('{"query": '), 400, 'BAD_REQUEST'],
    [
      '/cypher with a body over MAX_BODY_BYTES',
      '/cypher',
      jsonPost(JSON.stringify({ query: `RETURN 1 // ${'x'.repeat(BODY_BYTES)}` })),
      413,
      'QUERY_TOO_COMPLEX',
    ],
    ['/cypher with a write', '/cypher', jsonPost('{"query": "CREATE (n:Hacked) RETURN n"}'), 403, 'FORBIDDEN'],
    ['a GET of /cypher', '/cypher', { headers: withKey() }, 404, 'NOT_FOUND'],
    ['an unknown playground file', '/playground/assets/missing.js', {}, 404, 'NOT_FOUND'],
    ['an unknown dashboard file', '/dashboard/assets/missing.js', {}, 404, 'NOT_FOUND'],
    ['a route that does not exist', '/nowhere?x=1', {}, 404, 'NOT_FOUND'],
    ['a POST to /health', '/health', { method: 'POST' }, 404, 'NOT_FOUND'],
  ];

  it.each(requests)('answers %s (%s) with the envelope', async (_label, path, init, status, code) => {
    const answer = await ask(`${base(keyed)}${path}`, init);
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    expect(answer.type).toBe('application/json; charset=utf-8');
    expect(Object.keys(answer.body)).toEqual(['error']);
    expect(answer.body.error!.message).toEqual(expect.any(String));
    expect(JSON.stringify(answer.body)).not.toMatch(/\n\s+at |node_modules/);
  });

  it('names the limit and its value beside the code', async () => {
    const tooLarge = await ask(`${base(keyed)}/cypher`, jsonPost(JSON.stringify({ query: 'x'.repeat(3000) })));
    expect(tooLarge.body.error).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      message: `The request body is larger than ${BODY_BYTES} bytes (MAX_BODY_BYTES = ${BODY_BYTES}).`,
      limit: 'MAX_BODY_BYTES',
      value: BODY_BYTES,
    });
    const unauthenticated = await fetch(`${base(keyed)}/export/nodes.csv`);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer');
    await unauthenticated.text();
  });

  it('answers RATE_LIMITED on /export and /cypher in the envelope, and on /graphql in GraphQL errors', async () => {
    for (let i = 0; i < 2; i += 1) expect((await ask(`${base(limited)}/export/graph.xlsx`)).status).toBe(404);
    const rateLimited = { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', value: 2 };
    const exported = await ask(`${base(limited)}/export/nodes.csv`);
    expect({ status: exported.status, body: exported.body }).toEqual({
      status: 429,
      body: { error: { ...rateLimited, message: expect.stringContaining('RATE_LIMIT_PER_MINUTE = 2') } },
    });
    const cypher = await ask(`${base(limited)}/cypher`, jsonPost('{"query": "RETURN 1"}'));
    expect({ status: cypher.status, error: cypher.body.error }).toMatchObject({ status: 429, error: rateLimited });
    const graphql = await ask(limited.url, jsonPost('{"query": "{ stages { id } }"}'));
    expect(graphql.status).toBe(429);
    expect(graphql.body.errors![0].extensions).toEqual(rateLimited);
  });
});

describe('/graphql keeps GraphQL over HTTP', () => {
  it("answers a body too large, one that is not JSON, or a key not configured in GraphQL's errors", async () => {
    const tooLarge = await ask(
      keyed.url,
      jsonPost(JSON.stringify({ query: `{ stages { id } } # ${'x'.repeat(3000)}` })),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors![0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'MAX_BODY_BYTES',
      value: BODY_BYTES,
    });
    const broken = await ask(keyed.url, jsonPost('{"query": '));
    expect({ status: broken.status, code: broken.body.errors![0].extensions.code }).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
    });
    const stranger = await ask(keyed.url, jsonPost('{"query": "{ stages { id } }"}', { authorization: 'Bearer x' }));
    expect({ status: stranger.status, code: stranger.body.errors![0].extensions.code }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });
});
