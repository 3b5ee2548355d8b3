import { hashKey, parseApiKeys } from '../src/auth/apiKeys';
import { parseClientBookmarks, QueryRunner, RequestBookmarks } from '../src/db/queryRunner';
import { startSeededServer, startTestServer } from './support/graphqlClient';
import { connectTestRunner } from './support/testDatabase';

const EDITOR = 'bea-editor-key-0123456789';
const apiKeys = parseApiKeys(`bea:editor:${hashKey(EDITOR)}`);
const HEADER = 'x-neo4j-bookmark';

// Two servers, each with a driver of its own, over one Neo4j: replica A and replica B.
let a: Awaited<ReturnType<typeof startSeededServer>>;
let bRunner: QueryRunner;
let b: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  a = await startSeededServer({ apiKeys });
  bRunner = await connectTestRunner();
  b = await startTestServer(bRunner, { apiKeys });
});
afterAll(async () => {
  await b?.close();
  await bRunner?.close();
  await a?.close();
});

/** Posts an operation with the editor's key and the given headers; returns the status, headers and body. */
async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's shape is pinned by expect() below
  const body = (await response.json()) as any;
  return { status: response.status, headers: response.headers, body };
}

const ADD_SOURCE = 'mutation ($input: SourceInput!) { addSource(input: $input) { changed entity { id } } }';
const ONLY_READS = { 'x-graphql-read-only': '1' };
const ENTITY = 'query ($id: ID!) { entity(id: $id) { id name } }';
const sourceInput = (id: string) => ({
  id,
  name: `Bookmark probe ${id}`,
  publisher: 'Probe',
  publishedOn: '2025-01',
  url: `https://example.org/${id}`,
});

describe('X-Neo4j-Bookmark', () => {
  it("hands back a mutation's bookmark (header and extensions.bookmark), which another server honours", async () => {
    const written = await post(a.url, ADD_SOURCE, { input: sourceInput('bookmark-probe-1') }, {});
    expect(written.body.errors).toBeUndefined();
    const bookmark = written.headers.get(HEADER);
    expect(bookmark).toMatch(/\S/);
    expect(written.body.extensions.bookmark).toBe(bookmark);
    // The bookmark is the database's state after the write: a fresh read of the version finds the same one.
    expect(bookmark).toBe(await bRunner.version());

    const read = await post(b.url, ENTITY, { id: 'bookmark-probe-1' }, { [HEADER]: bookmark! });
    expect(read.status).toBe(200);
    expect(read.body.data.entity).toEqual({ id: 'bookmark-probe-1', name: 'Bookmark probe bookmark-probe-1' });
    // A request that sent a bookmark gets one back, at least as new.
    expect(read.headers.get(HEADER)).toBe(bookmark);
  });

  it('gives no bookmark to a read that sent none', async () => {
    const read = await post(b.url, ENTITY, { id: 'bookmark-probe-1' }, {});
    expect(read.body.data.entity.id).toBe('bookmark-probe-1');
    expect(read.headers.get(HEADER)).toBeNull();
    expect(read.body.extensions?.bookmark).toBeUndefined();
  });

  it('gives no bookmark to a mutation refused before it wrote', async () => {
    const refused = await post(a.url, ADD_SOURCE, { input: { ...sourceInput('x'), url: 'not a url' } }, {});
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.headers.get(HEADER)).toBeNull();
  });

  it('refuses a header that is no bookmark with 400, before anything runs', async () => {
    const bad = await post(b.url, ENTITY, { id: 'x' }, { [HEADER]: 'not a bookmark; drop table' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(bad.body.errors[0].message).toMatch(/^X-Neo4j-Bookmark: "not a bookmark; drop table" is not a bookmark/);
  });

  it("refuses a well-formed value that is not one of this database's bookmarks (Neo4j checks it)", async () => {
    const bad = await post(b.url, ENTITY, { id: 'x' }, { [HEADER]: 'FB:notarealbookmark' });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(bad.body.errors[0].message).toMatch(/not a bookmark of this database/);
  });

  it('makes an export of a request that sent a bookmark read at least that state', async () => {
    const written = await post(a.url, ADD_SOURCE, { input: sourceInput('bookmark-probe-2') }, {});
    const bookmark = written.headers.get(HEADER)!;
    const exported = await fetch(b.url.replace('/graphql', '/export/nodes.csv'), { headers: { [HEADER]: bookmark } });
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('bookmark-probe-2');
    const refused = await fetch(b.url.replace('/graphql', '/export/nodes.csv'), { headers: { [HEADER]: 'a b' } });
    expect(refused.status).toBe(400);
  });
});

describe('X-GraphQL-Read-Only (set by the retrying balancer location)', () => {
  it('refuses a mutation marked read-only before it runs, and answers a query marked so', async () => {
    const refused = await post(a.url, ADD_SOURCE, { input: sourceInput('read-only-probe') }, ONLY_READS);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(refused.body.errors[0].message).toMatch(/^This request is marked X-GraphQL-Read-Only: 1/);
    const read = await post(a.url, ENTITY, { id: 'read-only-probe' }, ONLY_READS);
    expect(read.body).toMatchObject({ data: { entity: null } });
    const applied = await post(
      a.url,
      ADD_SOURCE,
      { input: sourceInput('read-only-probe') },
      { 'x-graphql-read-only': '0' },
    );
    expect(applied.body.errors).toBeUndefined();
  });
});

describe('the runner with request bookmarks', () => {
  it("records a write's bookmark; a read on another driver given it waits for that state", async () => {
    const mine = new RequestBookmarks();
    await a.runner
      .scoped({ operation: 'test', bookmarks: mine })
      .inWriteTransaction((tx) => tx.run("MERGE (p:BookmarkProbe {id: 'w'}) SET p.n = coalesce(p.n, 0) + 1"));
    expect(mine.wrote).toBe(true);
    const [latest] = mine.latest();
    expect(latest).toBe(await bRunner.version());
    const theirs = new RequestBookmarks(mine.latest());
    expect(theirs.sent).toBe(true);
    const rows = await bRunner
      .scoped({ operation: 'test', bookmarks: theirs })
      .read("MATCH (p:BookmarkProbe {id: 'w'}) RETURN p.n AS n");
    expect(rows).toHaveLength(1);
    expect(theirs.wrote).toBe(false);
    await a.runner.write('MATCH (p:BookmarkProbe) DELETE p');
  });

  it('a write without request bookmarks still moves the shared ones: the next read is at least as new', async () => {
    const before = await a.runner.version();
    await a.runner.inWriteTransaction((tx) => tx.run("CREATE (:BookmarkProbe {id: 'v'})"));
    const after = await a.runner.version();
    expect(after).not.toBe(before);
    await a.runner.write('MATCH (p:BookmarkProbe) DELETE p');
  });
});

describe('parseClientBookmarks', () => {
  it('splits comma-separated and repeated values, drops empty ones and duplicates', () => {
    expect(parseClientBookmarks(undefined)).toEqual([]);
    expect(parseClientBookmarks(' ')).toEqual([]);
    expect(parseClientBookmarks(['FB:a,FB:b', 'FB:a'])).toEqual(['FB:a', 'FB:b']);
  });

  it('refuses too many and malformed ones', () => {
    expect(() => parseClientBookmarks(Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(','))).toThrow(
      'at most 16 bookmarks',
    );
    expect(() => parseClientBookmarks('FB:a b')).toThrow('"FB:a b" is not a bookmark');
  });
});
