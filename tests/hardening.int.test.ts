import { DEFAULT_LIMITS, LOOPBACK_ORIGINS, loadConfig } from '../src/config';
import { GraphQLError } from 'graphql';
import { DatabaseError, QueryRunner } from '../src/db/queryRunner';
import { formatError } from '../src/graphql/formatError';
import { buildSchema } from '../src/graphql/buildSchema';
import { MAX_PAGE } from '../src/graphql/paging';
import { MAX_VARIABLE_DEPTH } from '../src/graphql/queryLimits';
import { GraphQLBody, GraphQLResponse, codeOf, startSeededServer, startTestServer } from './support/graphqlClient';
import { HOSTILE_OPERATIONS, HOSTILE_STRINGS, deepArray, stringProbes } from './support/hostileOperations';
import { graphChecksum } from './support/testDatabase';

let server: Awaited<ReturnType<typeof startSeededServer>>;
let before: string;

beforeAll(async () => {
  server = await startSeededServer();
  before = await graphChecksum(server.runner);
});
afterAll(() => server.close());

/** POSTs a raw body to /graphql and returns the status and the parsed JSON (or the text when it is not JSON). */
async function post(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(server.url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: GraphQLBody | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

/** Posts an operation as a client that takes application/graphql-response+json: a refused request gets 4xx. */
async function strictGql(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
}

const tooComplex = (response: GraphQLResponse, limit: string, value: number) => {
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, value });
  expect(response.errors![0].message).toContain(`${limit} = ${value}`);
  expect(response.data ?? null).toBeNull();
};

/**
 * Nothing a response says reveals the server's insides: no stack, no Cypher of ours (RETURN is in every statement
 * and in no probe; a probe's own text may be quoted back), no Neo4j error code, no file paths.
 */
const SECRETS = /stacktrace|\n\s+at |node_modules|\.cypher\b|\bRETURN\b|Neo\.(Client|Transient|Database)Error|\/src\//;

describe('query limits', () => {
  it('refuses an operation nested deeper than MAX_DEPTH, naming the limit', async () => {
    const deep =
      '{ companies { nodes { models { developers { models { developers { models { developers { id } } } } } } } } }';
    const response = await strictGql(deep);
    expect(response.status).toBe(400);
    tooComplex(response, 'MAX_DEPTH', DEFAULT_LIMITS.depth);
    expect(response.errors![0].message).toMatch(/nested 9 levels deep; at most 8/);
    // Eight levels are fine.
    await server.ok(
      '{ companies(first: 2) { nodes { models { developers { models { developers { models { id } } } } } } } }',
    );
  });

  it('refuses more than MAX_ALIASES aliases and MAX_DIRECTIVES directives', async () => {
    const aliases = Array.from({ length: DEFAULT_LIMITS.aliases + 1 }, (_, i) => `a${i}: stages { id }`).join(' ');
    tooComplex(await server.gql(`{ ${aliases} }`), 'MAX_ALIASES', DEFAULT_LIMITS.aliases);
    const fifteen = Array.from({ length: DEFAULT_LIMITS.aliases }, (_, i) => `a${i}: stages { id }`).join(' ');
    expect(Object.keys(await server.ok(`{ ${fifteen} }`))).toHaveLength(15);

    const directives = Array.from(
      { length: DEFAULT_LIMITS.directives + 1 },
      (_, i) => `f${i}: id @include(if: true)`,
    ).join(' ');
    tooComplex(await server.gql(`{ stages { ${directives} } }`), 'MAX_DIRECTIVES', DEFAULT_LIMITS.directives);
  });

  it('refuses more than MAX_TOKENS tokens before parsing the rest', async () => {
    const response = await strictGql(`{ stages { ${'id '.repeat(DEFAULT_LIMITS.tokens)} } }`);
    expect(response.status).toBe(400);
    tooComplex(response, 'MAX_TOKENS', DEFAULT_LIMITS.tokens);
  });

  it(`computes the cost with the variables of each request, so the same document passes or not \
by its page size`, async () => {
    const query =
      'query Cards($n: Int!) { companies(first: $n) { ' +
      'nodes { models { services { name providers { name models { name } } } } } } }';
    const small = await server.gql(query, { n: 2 });
    expect(small.errors).toBeUndefined();
    const large = await strictGql(query, { n: MAX_PAGE });
    expect(large.status).toBe(400);
    tooComplex(large, 'MAX_COST', DEFAULT_LIMITS.cost);
    expect(large.errors![0].message).toMatch(new RegExp(`estimated cost is \\d+; at most ${DEFAULT_LIMITS.cost} `));
    // The first document again, now cached by the server: still the cost of its own variables.
    expect((await server.gql(query, { n: 2 })).errors).toBeUndefined();
  });

  it('refuses fragments that expand to more fields than the document has tokens (a fragment bomb)', async () => {
    let bomb = '{ companies { nodes { ...F0 } } }\n';
    for (let i = 0; i < 30; i += 1) bomb += `fragment F${i} on Company { id ...F${i + 1} ...F${i + 1} }\n`;
    bomb += 'fragment F30 on Company { name }';
    const started = Date.now();
    const response = await server.gql(bomb);
    expect(Date.now() - started).toBeLessThan(5000);
    tooComplex(response, 'MAX_TOKENS', DEFAULT_LIMITS.tokens);
    expect(response.errors![0].message).toMatch(/once its fragments are expanded/);
  });

  it('refuses list arguments of more than MAX_LIST_ITEMS items and pages of more than 100', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `company-${i}`);
    const response = await server.gql('query ($ids: [ID!]) { partnershipNetwork(companies: $ids) { nodes { id } } }', {
      ids,
    });
    tooComplex(response, 'MAX_LIST_ITEMS', DEFAULT_LIMITS.listItems);
    expect(response.errors![0].message).toContain('lists 5000 items');
    const page = await server.gql(`{ companies(first: ${MAX_PAGE + 1}) { nodes { id } } }`);
    expect(codeOf(page)).toBe('BAD_USER_INPUT');
    expect(page.errors![0].message).toContain('first must be from 1 to 100');
  });

  it('refuses bodies over MAX_BODY_BYTES, batches, and bodies that are not JSON, with a JSON error', async () => {
    const big = await post(JSON.stringify({ query: `{ stages { id } } # ${'x'.repeat(1024 * 1024)}` }));
    expect(big.status).toBe(413);
    expect(big.json?.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'MAX_BODY_BYTES',
      value: DEFAULT_LIMITS.bodyBytes,
    });
    const batch = await post(JSON.stringify([{ query: '{ stages { id } }' }, { query: '{ stages { id } }' }]));
    expect(batch.status).toBe(400);
    expect(batch.json?.errors?.[0]?.message).toMatch(/batching/i);
    const broken = await post('{"query": "{ stages { id } }"');
    expect(broken).toMatchObject({
      status: 400,
      json: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('takes its limits from the configuration', async () => {
    const strict = await startTestServer(server.runner, {
      limits: { ...DEFAULT_LIMITS, depth: 2, cost: 30, bodyBytes: 2048 },
    });
    try {
      tooComplex(await strict.gql('{ companies { nodes { id } } }'), 'MAX_DEPTH', 2);
      tooComplex(
        await strict.gql('{ stages { id name } companies(first: 40) { totalCount } search(text: "gpt") { score } }'),
        'MAX_COST',
        30,
      );
      const response = await fetch(strict.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ stages { id } } # ${'x'.repeat(3000)}` }),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as GraphQLBody).errors?.[0]?.message).toContain('MAX_BODY_BYTES = 2048');
    } finally {
      await strict.close();
    }
  });
});

describe('variables and whole-graph exports', () => {
  const strictBody = (body: string) =>
    post(body, { 'content-type': 'application/json', accept: 'application/graphql-response+json' });

  it(`refuses variables nested deeper than ${MAX_VARIABLE_DEPTH} levels with BAD_USER_INPUT, whether the \
operation uses them or not`, async () => {
    for (const operation of HOSTILE_OPERATIONS.filter(({ label }) => label.includes('nested'))) {
      const response = await strictBody(operation.body);
      expect({ label: operation.label, status: response.status }).toEqual({ label: operation.label, status: 400 });
      expect(response.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.json?.errors?.[0]?.message).toMatch(
        new RegExp(`^Variable \\$\\w+ is nested more than ${MAX_VARIABLE_DEPTH} levels deep \\(at \\$\\w+[.\\[]`),
      );
    }
    const fits = await post(
      `{"query":"query { stages { id } }","variables":{"deep":${deepArray(MAX_VARIABLE_DEPTH)}}}`,
    );
    expect(fits.json?.errors).toBeUndefined();
  });

  it('allows one exportGraph per operation, refusing aliases that would export the graph again', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `e${i}: exportGraph(format: GRAPHML) { content }`).join(' ')} }`;
    for (const n of [2, 15]) {
      const response = await strictGql(aliases(n));
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      expect(response.errors?.[0]?.message).toBe(
        `The operation asks for exportGraph ${n} times (e0, e1${n > 2 ? ', ...' : ''}); ` +
          'one whole-graph export per operation is allowed.',
      );
    }
    const fragments =
      '{ ...A ...B } fragment A on Query { g: exportGraph(format: JSON) { nodeCount } } ' +
      'fragment B on Query { g: exportGraph(format: JSON) { relationshipCount } }';
    const one = await server.ok(fragments);
    expect(one.g.nodeCount).toBeGreaterThan(0);
    const viaFragment = await server.gql(
      '{ a: exportGraph(format: CSV) { nodeCount } ...B } ' +
        'fragment B on Query { b: exportGraph(format: JSON) { format } }',
    );
    expect(viaFragment.errors?.[0]?.message).toMatch(/exportGraph 2 times \(a, b\)/);
  });
});

describe('hostile input', () => {
  const schema = buildSchema();
  const probes = HOSTILE_STRINGS.flatMap((text) => stringProbes(schema, text));

  it(`answers ${probes.length} operations with Cypher-looking, control, non-ASCII and emoji strings in every string \
argument with data or a user error`, async () => {
    expect(probes.length).toBeGreaterThan(200);
    const unexpected: string[] = [];
    for (const probe of probes) {
      const response = await post(JSON.stringify({ query: probe.query, variables: probe.variables }));
      const codes = (response.json?.errors ?? []).map(
        (error: { extensions?: { code?: string } }) => error.extensions?.code,
      );
      if (
        response.status >= 500 ||
        response.json === undefined ||
        codes.some((code) => !['BAD_USER_INPUT', 'NOT_FOUND', 'QUERY_TOO_COMPLEX'].includes(code ?? '')) ||
        SECRETS.test(response.text)
      ) {
        unexpected.push(
          `${probe.label} ${JSON.stringify(probe.variables).slice(0, 80)} -> ` +
            `${response.status} ${response.text.slice(0, 200)}`,
        );
      }
    }
    expect(unexpected).toEqual([]);
    expect(await graphChecksum(server.runner)).toBe(before);
  });

  it.each(HOSTILE_OPERATIONS.map((operation) => [operation.label, operation.body]))(
    'answers a request with %s with a 4xx user error',
    async (_label, body) => {
      const response = await post(body);
      expect(response.status).toBeLessThan(500);
      expect(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']).toContain(response.json?.errors?.[0]?.extensions?.code);
      expect(response.text).not.toMatch(SECRETS);
    },
  );

  it('finds Korean and emoji text, and answers unknown ids in any script with null', async () => {
    const data = await server.ok(
      '{ search(text: "하이퍼클로바") { entity { id } } emoji: search(text: "🤖 GPT") { score } company(id: "네이버🚀") { id } }',
    );
    expect(data.search.map((hit: { entity: { id: string } }) => hit.entity.id)).toContain('hyperclova-x');
    expect(data.company).toBeNull();
    const onlyEmoji = await server.gql('{ search(text: "🤖🚀") { score } }');
    expect(codeOf(onlyEmoji)).toBe('BAD_USER_INPUT');
  });

  it.each([
    [
      'a wrong variable type',
      'query ($n: Int!) { companies(first: $n) { totalCount } }',
      { n: 'ten' },
      'BAD_USER_INPUT',
    ],
    ['a missing required variable', 'query ($id: ID!) { company(id: $id) { id } }', {}, 'BAD_USER_INPUT'],
    ['an unknown field', '{ companies { nodes { password } } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown enum value', '{ concentration(measure: EVERYTHING) { hhi } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['a syntax error', '{ companies { nodes { id }', undefined, 'GRAPHQL_PARSE_FAILED'],
    [
      'a cyclic fragment',
      '{ companies { nodes { ...A } } } fragment A on Company { models { developers { ...A } } }',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ])('answers %s with %s', async (_label, query, variables, code) => {
    const response = await strictGql(query, variables as Record<string, unknown> | undefined);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    // A client of application/json gets the same errors with 200 (GraphQL over HTTP).
    const legacy = await server.gql(query, variables as Record<string, unknown> | undefined);
    expect({ status: legacy.status, code: codeOf(legacy) }).toEqual({ status: 200, code });
    expect(codeOf(response)).toBe(code);
    expect(JSON.stringify(response)).not.toMatch(SECRETS);
  });

  it('answers bodies that are not GraphQL requests with 4xx and a JSON error', async () => {
    const bodies: [string, string | Buffer, Record<string, string>?][] = [
      ['empty', ''],
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"{ stages { id } }"'],
      ['no query', '{"variables": {}}'],
      ['query not a string', '{"query": {"a": 1}}'],
      ['variables not an object', '{"query": "{ stages { id } }", "variables": [1, 2]}'],
      ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80])],
      ['form encoded', 'query=%7Bstages%7Bid%7D%7D', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['text/plain', '{"query": "{ stages { id } }"}', { 'content-type': 'text/plain' }],
    ];
    for (const [label, body, headers] of bodies) {
      const response = await post(body, headers);
      expect({ label, status: response.status >= 400 && response.status < 500 }).toEqual({ label, status: true });
      expect(response.text).not.toMatch(SECRETS);
    }
    expect(await graphChecksum(server.runner)).toBe(before);
  });

  afterAll(async () => {
    // Still serving after all of it.
    expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(200);
    expect((await server.ok('{ company(id: "openai") { id } }')).company).toEqual({ id: 'openai' });
  });
});

describe('error hygiene', () => {
  it(`with introspection and suggestions off (NODE_ENV=production), refuses __schema and __type \
and drops "Did you mean"`, async () => {
    const production = await startTestServer(server.runner, { introspection: false, fieldSuggestions: false });
    try {
      for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Company") { name } }']) {
        const response = await production.gql(query);
        expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(response.errors![0].message).toMatch(/introspection is not allowed/);
      }
      const typo = await production.gql('{ compani(id: "openai") { id } }');
      expect(typo.errors![0].message).toBe('Cannot query field "compani" on type "Query".');
      // __typename is not introspection: clients use it.
      expect((await production.ok('{ company(id: "openai") { __typename } }')).company).toEqual({
        __typename: 'Company',
      });
    } finally {
      await production.close();
    }
  });

  it('in development, answers introspection and suggests field names', async () => {
    expect((await server.ok('{ __schema { queryType { name } } }')).__schema).toEqual({ queryType: { name: 'Query' } });
    expect((await server.gql('{ compani(id: "openai") { id } }')).errors![0].message).toMatch(/Did you mean "company"/);
  });

  it('masks unexpected errors: no stack, no Cypher, no driver message', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const cypherFailure = new DatabaseError(
        'Invalid input: MATCH (n:Company {id: $id}) RETURN n at line 3',
        'QUERY_FAILED',
        'Neo.ClientError.Statement.SyntaxError',
      );
      const wrapped = new GraphQLError(cypherFailure.message, { originalError: cypherFailure, path: ['company'] });
      expect(
        formatError(
          {
            message: wrapped.message,
            path: ['company'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
          },
          wrapped,
        ),
      ).toEqual({
        message: 'Unexpected error.',
        path: ['company'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      const timeout = new DatabaseError('The query ran longer than its 5000 ms timeout and was stopped.', 'TIMEOUT');
      expect(
        formatError(
          { message: 'x', path: ['upstream'] },
          new GraphQLError('x', { originalError: timeout, path: ['upstream'] }),
        ).extensions,
      ).toEqual({ code: 'QUERY_TIMEOUT' });
    } finally {
      spy.mockRestore();
    }
  });

  it('stops a Cypher transaction at its timeout with a TIMEOUT error', async () => {
    const runner = await QueryRunner.connect({
      uri: process.env.NEO4J_URI!,
      user: 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: 'neo4j',
      queryTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      await expect(
        runner.read('UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n'),
      ).rejects.toMatchObject({
        code: 'TIMEOUT',
        message: 'The query ran longer than its 300 ms timeout and was stopped.',
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await runner.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await runner.close();
    }
  });
});

describe('browsers: CSRF prevention and CORS', () => {
  it('refuses a GET or a simple POST that a foreign page could send without a preflight', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ stages { id } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(`${server.url}?query=${encodeURIComponent('{ stages { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('sends no CORS headers unless origins are configured, and then only for those', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect(
      (await preflight(server.url, 'https://elsewhere.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    const open = await startTestServer(server.runner, { corsOrigins: ['https://dashboards.example'] });
    try {
      expect((await preflight(open.url, 'https://dashboards.example')).headers.get('access-control-allow-origin')).toBe(
        'https://dashboards.example',
      );
      expect(
        (await preflight(open.url, 'https://elsewhere.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();
    } finally {
      await open.close();
    }
  });
});

describe('CORS on loopback by default', () => {
  it('allows pages served from this machine on any port, and no other origin', async () => {
    // The suite's server has the defaults of a server on 127.0.0.1.
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual(LOOPBACK_ORIGINS);
    const allowed = async (origin: string) =>
      (
        await fetch(server.url, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        })
      ).headers.get('access-control-allow-origin');
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://localhost', 'http://[::1]:3000'])
      expect(await allowed(origin)).toBe(origin);
    for (const origin of [
      'https://localhost:5173',
      'http://localhost.evil.example:5173',
      'http://127.0.0.1.evil.example',
      'http://evil.example',
    ])
      expect(await allowed(origin)).toBeNull();
  });
});

describe('rate limit', () => {
  it(`answers requests over RATE_LIMIT_PER_MINUTE from one client with 429 and RATE_LIMITED; \
health checks are not counted`, async () => {
    const limited = await startTestServer(server.runner, { rateLimitPerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await limited.gql('{ stages { id } }')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const over = await fetch(limited.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stages { id } }' }),
      });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await over.json()) as GraphQLBody).errors?.[0]).toMatchObject({
        extensions: { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', value: 5 },
      });
      expect((await fetch(limited.url.replace('/graphql', '/health'))).status).toBe(200);
      expect((await fetch(limited.url.replace('/graphql', '/ready'))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('health', () => {
  it('says /health when the process is up and /ready when Neo4j answers', async () => {
    const base = server.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
