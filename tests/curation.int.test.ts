import path from 'node:path';
import { hashKey, parseApiKeys } from '../src/auth/apiKeys';
import { projectRoot } from '../src/config';
import { importJsonGraph, parseJsonGraph } from '../src/exports/importJson';
import { loadSeed } from '../src/seed/loadSeed';
import { DatabaseError, QueryRunner, TransactionRunner } from '../src/db/queryRunner';
import { CurationRepository } from '../src/repositories/curationRepository';
import { AnswerData, GraphQLResponse, codeOf, startSeededServer, startTestServer } from './support/graphqlClient';
import { emptyDatabase, graphChecksum } from './support/testDatabase';

const EDITOR = 'alice-editor-key-0123456789';
const READER = 'rita-reader-key-0123456789';
const apiKeys = parseApiKeys(`alice:editor:${hashKey(EDITOR)},rita:reader:${hashKey(READER)}`);

let server: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  server = await startSeededServer({ apiKeys });
});
afterAll(() => server.close());

/** Posts an operation with an API key (or none). */
async function send(
  query: string,
  variables: Record<string, unknown> = {},
  key: string | null = EDITOR,
  url = server.url,
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key !== null && { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const response = await send(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const HISTORY = 'query ($id: ID!) { history(id: $id) { id entityId at by action before after } }';
const ADD_SOURCE = 'mutation ($input: SourceInput!) { addSource(input: $input) { changed historyId entity { id } } }';
const UPSERT_MODEL = `mutation ($input: ModelInput!) {
  upsertModel(input: $input) {
    changed historyId
    entity { id name ... on FoundationModel { parameters releasedOn developers { id } } sources { id } }
  }
}`;
const UPSERT_COMPANY =
  'mutation ($input: CompanyInput!) { upsertCompany(input: $input) { ' +
  'changed historyId entity { id name ... on Company { country } } } }';
const UPSERT_SERVICE =
  'mutation ($input: ServiceInput!) { upsertService(input: $input) { ' +
  'changed historyId entity { id ... on Service { providers { id } models { id } } } } }';
const UPSERT_PARTNERSHIP =
  'mutation ($input: PartnershipInput!) { upsertPartnership(input: $input) { ' +
  'changed entity { id ... on Partnership { partnershipKind parties { role company { id } } } } } }';
const LINK =
  'mutation ($kind: LinkKind!, $from: ID!, $to: ID!, $sourceIds: [ID!]!) { ' +
  'link(kind: $kind, from: $from, to: $to, sourceIds: $sourceIds) { changed historyId } }';
const RETIRE =
  'mutation ($id: ID!, $reason: String!) { retire(id: $id, reason: $reason) { changed historyId entity { id } } }';
const RESTORE = 'mutation ($id: ID!) { restore(id: $id) { changed historyId entity { id name } } }';

const source = {
  id: 'hyperclova-x-2024-note',
  name: 'HyperCLOVA X technical report',
  publisher: 'NAVER Cloud',
  publishedOn: '2024-04',
  url: 'https://arxiv.org/abs/2404.01954',
};
const model = {
  id: 'hyperclova-x-think',
  name: 'HyperCLOVA X THINK',
  nameKo: '하이퍼클로바X 씽크',
  developerIds: ['naver'],
  releasedOn: '2025-06',
  access: 'CLOSED',
  sourceIds: [source.id],
};

describe('keys', () => {
  it(`refuses a mutation without a key or with a wrong one (UNAUTHENTICATED) and from a reader (FORBIDDEN), \
writing nothing`, async () => {
    const before = await graphChecksum(server.runner);
    expect(codeOf(await send(ADD_SOURCE, { input: source }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await send(ADD_SOURCE, { input: source }, 'not-a-key'))).toBe('UNAUTHENTICATED');
    const reader = await send(ADD_SOURCE, { input: source }, READER);
    expect(codeOf(reader)).toBe('FORBIDDEN');
    expect(reader.errors![0].message).toContain('"rita" is a reader');
    expect(await graphChecksum(server.runner)).toBe(before);
    // Queries stay open without a key, and to readers.
    expect((await send('{ company(id: "naver") { id } }', {}, null)).data).toEqual({ company: { id: 'naver' } });
    expect((await send('{ company(id: "naver") { id } }', {}, READER)).data).toEqual({ company: { id: 'naver' } });
  });

  it('with REQUIRE_KEY_FOR_READS, refuses queries and exports without a key', async () => {
    const closed = await startTestServer(server.runner, { apiKeys, requireKeyForReads: true });
    try {
      const refused = await send('{ company(id: "naver") { id } }', {}, null, closed.url);
      expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      expect(codeOf(await send('{ company(id: "naver") { id } }', {}, 'not-a-key', closed.url))).toBe(
        'UNAUTHENTICATED',
      );
      expect((await send('{ company(id: "naver") { id } }', {}, READER, closed.url)).data).toEqual({
        company: { id: 'naver' },
      });
      expect((await fetch(closed.url.replace('/graphql', '/export/nodes.csv'))).status).toBe(401);
      const withKey = await fetch(closed.url.replace('/graphql', '/export/nodes.csv'), {
        headers: { authorization: `Bearer ${READER}` },
      });
      expect(withKey.status).toBe(200);
      await withKey.text();
    } finally {
      await closed.close();
    }
  });
});

describe('mutations', () => {
  it(`adds a source and a new model with its developer; the model is in queries, dependencies \
and history`, async () => {
    const added = await ok(ADD_SOURCE, { input: source });
    expect(added.addSource).toMatchObject({ changed: true, entity: { id: source.id } });
    const created = await ok(UPSERT_MODEL, { input: model });
    expect(created.upsertModel).toMatchObject({
      changed: true,
      entity: {
        id: model.id,
        name: model.name,
        releasedOn: '2025-06',
        parameters: null,
        developers: [{ id: 'naver' }],
        sources: [{ id: source.id }],
      },
    });
    const upstream = await ok('{ upstream(of: "hyperclova-x-think", maxHops: 1) { nodes { entity { id } } } }');
    expect(upstream.upstream.nodes.map((node: { entity: { id: string } }) => node.entity.id)).toEqual(['naver']);
    const { history } = await ok(HISTORY, { id: model.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: created.upsertModel.historyId,
      entityId: model.id,
      by: 'alice',
      action: 'CREATE',
      before: null,
    });
    expect(JSON.parse(history[0].after)).toMatchObject({
      name: model.name,
      nameKo: model.nameKo,
      releasedOn: '2025-06',
      added: [{ type: 'DEVELOPS', from: 'naver', to: model.id }],
    });
    expect(new Date(history[0].at).getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it('reports an upsert that changes nothing, and records an update with its before and after', async () => {
    const again = await ok(UPSERT_MODEL, { input: model });
    expect(again.upsertModel).toMatchObject({ changed: false, historyId: null });
    const updated = await ok(UPSERT_MODEL, { input: { ...model, parameters: 1.2e11, parametersNote: 'estimate' } });
    expect(updated.upsertModel).toMatchObject({ changed: true, entity: { parameters: 1.2e11 } });
    const { history } = await ok(HISTORY, { id: model.id });
    expect(history.map((record: { action: string }) => record.action)).toEqual(['CREATE', 'UPDATE']);
    expect(JSON.parse(history[1].before)).toEqual({});
    expect(JSON.parse(history[1].after)).toEqual({ parameters: 1.2e11, parametersNote: 'estimate' });
  });

  it(`upserts a company, a service built on a model, a partnership with roles, and links a company \
to a model`, async () => {
    expect(
      (await ok(UPSERT_COMPANY, { input: { id: 'naver', name: 'NAVER', country: 'KR', sourceIds: [source.id] } }))
        .upsertCompany,
    ).toMatchObject({ changed: true, entity: { id: 'naver', country: 'KR' } });
    const service = await ok(UPSERT_SERVICE, {
      input: {
        id: 'clova-think-chat',
        name: 'CLOVA X THINK chat',
        providerIds: ['naver'],
        modelIds: [model.id],
        sourceIds: [source.id],
      },
    });
    expect(service.upsertService).toMatchObject({
      changed: true,
      entity: { providers: [{ id: 'naver' }], models: [{ id: model.id }] },
    });
    const path = await ok('{ dependencyPaths(from: "clova-think-chat", to: "naver") { steps { relation } } }');
    expect(path.dependencyPaths.length).toBeGreaterThan(0);
    const deal = await ok(UPSERT_PARTNERSHIP, {
      input: {
        id: 'naver-sk-hynix-2025',
        name: 'NAVER and SK hynix on AI memory',
        partnershipKind: 'SUPPLY',
        parties: [
          { company: 'sk-hynix', role: 'supplier' },
          { company: 'naver', role: 'customer' },
        ],
        sourceIds: [source.id],
      },
    });
    expect(
      deal.upsertPartnership.entity.parties
        .map((party: { role: string; company: { id: string } }) => `${party.company.id}:${party.role}`)
        .sort(),
    ).toEqual(['naver:customer', 'sk-hynix:supplier']);
    const linked = await ok(LINK, { kind: 'ADOPTS', from: 'sk-hynix', to: model.id, sourceIds: [source.id] });
    expect(linked.link.changed).toBe(true);
    expect((await ok(LINK, { kind: 'ADOPTS', from: 'sk-hynix', to: model.id, sourceIds: [source.id] })).link).toEqual({
      changed: false,
      historyId: null,
    });
    const adopters = await ok('{ model(id: "hyperclova-x-think") { adopters { id } } }');
    expect(adopters.model.adopters).toEqual([{ id: 'sk-hynix' }]);
  });

  it('retires an entity out of queries, analytics and exports, and restores it as it was', async () => {
    const before = await ok(
      '{ model(id: "hyperclova-x-think") { ' +
        'id name nameKo parameters developers { id } adopters { id } sources { id } } }',
    );
    const retired = await ok(RETIRE, { id: model.id, reason: 'announced, never released' });
    expect(retired.retire).toMatchObject({ changed: true, entity: null });
    expect((await ok('{ model(id: "hyperclova-x-think") { id } }')).model).toBeNull();
    expect(
      (await ok('{ company(id: "naver") { models { id } } }')).company.models.map((m: { id: string }) => m.id),
    ).not.toContain(model.id);
    expect(
      (await ok('{ search(text: "THINK") { entity { id } } }')).search.map(
        (hit: { entity: { id: string } }) => hit.entity.id,
      ),
    ).not.toContain(model.id);
    const upstream = await ok('{ upstream(of: "clova-think-chat") { nodes { entity { id } } } }');
    expect(upstream.upstream.nodes.map((node: { entity: { id: string } }) => node.entity.id)).not.toContain(model.id);
    const exported = await (await fetch(server.url.replace('/graphql', '/export/graph.json'))).text();
    expect(exported).not.toContain(`"${model.id}"`);
    expect(codeOf(await send(UPSERT_MODEL, { input: model }))).toBe('BAD_USER_INPUT');

    const restored = await ok(RESTORE, { id: model.id });
    expect(restored.restore).toMatchObject({ changed: true, entity: { id: model.id } });
    expect(
      await ok(
        '{ model(id: "hyperclova-x-think") { ' +
          'id name nameKo parameters developers { id } adopters { id } sources { id } } }',
      ),
    ).toEqual(before);
    const { history } = await ok(HISTORY, { id: model.id });
    expect(history.map((record: { action: string }) => record.action)).toEqual([
      'CREATE',
      'UPDATE',
      'RETIRE',
      'RESTORE',
    ]);
    expect(JSON.parse(history[2].after)).toEqual({ retired: true, reason: 'announced, never released' });
  });
});

describe("an editor's change is a claim", () => {
  const CLAIMS = `query ($id: ID!) {
    model(id: $id) { parameters claims(field: "parameters") { value preferred confidence source { id } } }
  }`;

  it("is preferred over the report's claim, which stays; retire and restore keep both", async () => {
    const { model: before } = await ok(CLAIMS, { id: 'gpt-3' });
    const seeded = before.claims as { value: string; preferred: boolean; source: { id: string } }[];
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ value: '175000000000', preferred: true });

    const input = {
      id: 'gpt-3',
      name: 'GPT-3',
      developerIds: ['openai'],
      parameters: 1.8e11,
      sourceIds: ['openai-site'],
    };
    const updated = await ok(UPSERT_MODEL, { input });
    expect(updated.upsertModel).toMatchObject({ changed: true, entity: { parameters: 1.8e11 } });
    const expected = {
      parameters: 1.8e11,
      claims: [
        { value: '180000000000', preferred: true, confidence: 'REPORTED', source: { id: 'openai-site' } },
        { ...seeded[0], preferred: false },
      ],
    };
    expect((await ok(CLAIMS, { id: 'gpt-3' })).model).toEqual(expected);

    await ok(RETIRE, { id: 'gpt-3', reason: 'a test of claims kept over retire and restore' });
    await ok(RESTORE, { id: 'gpt-3' });
    expect((await ok(CLAIMS, { id: 'gpt-3' })).model).toEqual(expected);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    [
      'an id that is not a slug',
      UPSERT_COMPANY,
      { input: { id: 'Bad Id!', name: 'X', sourceIds: [source.id] } },
      /input.id: "Bad Id!" is not an id/,
    ],
    [
      'no source',
      UPSERT_COMPANY,
      { input: { id: 'new-co', name: 'New', sourceIds: [] } },
      /input.sourceIds: at least 1 id is needed/,
    ],
    [
      'an unknown source',
      UPSERT_COMPANY,
      { input: { id: 'new-co', name: 'New', sourceIds: ['no-such-source'] } },
      /no Source has id "no-such-source"/,
    ],
    [
      'an unknown developer',
      UPSERT_MODEL,
      { input: { ...model, id: 'new-model', developerIds: ['nobody-inc'] } },
      /no Company has id "nobody-inc"/,
    ],
    [
      'a reference of the wrong kind',
      UPSERT_MODEL,
      { input: { ...model, id: 'new-model', developerIds: ['gpt-4'] } },
      /"gpt-4" is a FoundationModel, not a Company/,
    ],
    [
      'an id of another kind',
      UPSERT_COMPANY,
      { input: { id: 'gpt-4', name: 'GPT-4 Inc', sourceIds: [source.id] } },
      /"gpt-4" is a FoundationModel, not a Company/,
    ],
    [
      'a negative parameter count',
      UPSERT_MODEL,
      { input: { ...model, parameters: -5 } },
      /input.parameters: a parameter count must be from 1/,
    ],
    [
      'a blank name',
      UPSERT_COMPANY,
      { input: { id: 'new-co', name: '  ', sourceIds: [source.id] } },
      /input.name: must not be blank/,
    ],
    [
      'a country that is no ISO code',
      UPSERT_COMPANY,
      { input: { id: 'new-co', name: 'New', country: 'Korea', sourceIds: [source.id] } },
      /input.country/,
    ],
    [
      'a role that does not fit the kind',
      UPSERT_PARTNERSHIP,
      {
        input: {
          id: 'new-deal',
          name: 'Deal',
          partnershipKind: 'INVESTMENT',
          parties: [
            { company: 'naver', role: 'supplier' },
            { company: 'openai', role: 'investee' },
          ],
          sourceIds: [source.id],
        },
      },
      /parties\[0\].role: a INVESTMENT party is investor or investee/,
    ],
    [
      'a source URL that is not http(s)',
      ADD_SOURCE,
      { input: { id: 'new-source', name: 'S', url: 'javascript:alert(1)' } },
      /input.url/,
    ],
    [
      'an unknown entity to link',
      LINK,
      { kind: 'BUILT_ON', from: 'askup', to: 'no-model', sourceIds: [source.id] },
      /no FoundationModel has id "no-model"/,
    ],
    ['a blank retire reason', RETIRE, { id: 'openai', reason: '' }, /reason: must not be blank/],
    [
      'a name with a right-to-left override',
      UPSERT_COMPANY,
      { input: { id: 'new-co', name: 'ab\u202Egnp.exe', sourceIds: [source.id] } },
      /^input.name: contains U\+202E RIGHT-TO-LEFT OVERRIDE at position 3\.$/,
    ],
    [
      'a Korean name and an alias with zero-width characters',
      UPSERT_MODEL,
      { input: { ...model, id: 'new-model', nameKo: '하이퍼\u200B클로바', aliases: ['ok', 'Hyper\u2066CLOVA'] } },
      /^input.nameKo: contains U\+200B ZERO WIDTH SPACE at position 4; input.aliases\[1\]: contains U\+2066 LEFT-TO-RIGHT ISOLATE at position 6\.$/,
    ],
    [
      'a source publisher and URL with zero-width characters',
      ADD_SOURCE,
      { input: { id: 'new-source', name: 'S', publisher: 'NA\uFEFFVER', url: 'https://example.com/\u200B' } },
      /^input.publisher: contains U\+FEFF ZERO WIDTH NO-BREAK SPACE at position 3; input.url: contains U\+200B ZERO WIDTH SPACE at position 21\.$/,
    ],
  ];

  it.each(cases)('refuses %s with BAD_USER_INPUT', async (_label, mutation, variables, message) => {
    const before = await graphChecksum(server.runner);
    const response = await send(mutation, variables);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(message);
    expect(await graphChecksum(server.runner)).toBe(before);
  });

  it('refuses wrong types and an invalid date before any resolver runs', async () => {
    const before = await graphChecksum(server.runner);
    expect(codeOf(await send(UPSERT_MODEL, { input: { ...model, releasedOn: '2025-13' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await send(UPSERT_MODEL, { input: { ...model, access: 'FREE' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await send(RESTORE, { id: 'no-such-entity' }))).toBe('NOT_FOUND');
    expect(await graphChecksum(server.runner)).toBe(before);
  });
});

describe('concurrency and failures', () => {
  it('serialises 20 concurrent upserts of one id: one consistent entity and 20 history records', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Concurrent Labs ${i}`);
    const results = await Promise.all(
      names.map((name) =>
        send(UPSERT_COMPANY, { input: { id: 'concurrent-labs', name, country: 'KR', sourceIds: [source.id] } }),
      ),
    );
    expect(results.map((result) => result.errors)).toEqual(names.map(() => undefined));
    const { history } = await ok(HISTORY, { id: 'concurrent-labs' });
    expect(history).toHaveLength(20);
    expect(history.map((record: { action: string }) => record.action)).toEqual(['CREATE', ...Array(19).fill('UPDATE')]);
    // Each update's before is the name the one before it wrote: nothing lost in between.
    for (let i = 1; i < history.length; i += 1)
      expect(JSON.parse(history[i].before).name).toBe(JSON.parse(history[i - 1].after).name);
    const [row] = await server.runner.read(
      'MATCH (c:Company {id: "concurrent-labs"}) RETURN count(c) AS copies, c.name AS name',
    );
    expect(row.copies).toBe(1);
    expect(row.name).toBe(JSON.parse(history[19].after).name);
  });

  it('leaves nothing behind when Neo4j fails at any statement of a mutation', async () => {
    const before = await graphChecksum(server.runner);
    /** The test runner, with a transaction that fails like a dropped connection at its n-th statement. */
    const failingAt = (n: number) =>
      Object.assign(Object.create(server.runner) as QueryRunner, {
        inWriteTransaction: <T>(work: (tx: TransactionRunner) => Promise<T>, options?: { timeoutMs?: number }) =>
          server.runner.inWriteTransaction((tx) => {
            let count = 0;
            const failing = Object.assign(Object.create(tx) as TransactionRunner, {
              run: (query: string, params?: Record<string, unknown>) => {
                count += 1;
                if (count === n)
                  throw new DatabaseError('Neo4j went away', 'SERVICE_UNAVAILABLE', 'ServiceUnavailable');
                return tx.run(query, params);
              },
            });
            return work(failing);
          }, options),
      });
    const plan = {
      label: 'Service' as const,
      id: 'half-written-service',
      facts: { name: 'Half written' },
      sourceIds: [source.id],
      relations: [
        { type: 'PROVIDES' as const, direction: 'in' as const, target: 'Company' as const, links: [{ id: 'naver' }] },
        {
          type: 'BUILT_ON' as const,
          direction: 'out' as const,
          target: 'FoundationModel' as const,
          links: [{ id: 'gpt-4' }],
        },
      ],
      cites: true,
    };
    let statements: number;
    for (let n = 1; ; n += 1) {
      const outcome = await new CurationRepository(failingAt(n), 30_000).upsert(plan, 'alice').then(
        () => 'written',
        (error: unknown) => (error as DatabaseError).code,
      );
      if (outcome === 'written') {
        statements = n - 1;
        break;
      }
      expect(outcome).toBe('SERVICE_UNAVAILABLE');
      expect(await graphChecksum(server.runner)).toBe(before);
    }
    // Every statement of the mutation was a point of failure once; the last run wrote it whole.
    expect(statements).toBeGreaterThanOrEqual(8);
    expect((await ok('{ service(id: "half-written-service") { providers { id } models { id } } }')).service).toEqual({
      providers: [{ id: 'naver' }],
      models: [{ id: 'gpt-4' }],
    });
  });
});

describe('seed and edits together', () => {
  it('npm run seed keeps what the API changed: edited fields, new entities, retired ones and the history', async () => {
    await ok(UPSERT_COMPANY, { input: { id: 'tesla', name: 'Tesla (edited)', country: 'US', sourceIds: [source.id] } });
    await ok(RETIRE, { id: 'telly', reason: 'out of scope' });
    const before = await graphChecksum(server.runner);
    const { report } = await loadSeed(server.runner, path.join(projectRoot, 'seed'), { reset: false, batchSize: 500 });
    expect(report.nodes.created).toBe(0);
    expect(await graphChecksum(server.runner)).toBe(before);
    expect((await ok('{ company(id: "tesla") { name } }')).company).toEqual({ name: 'Tesla (edited)' });
    expect((await ok('{ company(id: "telly") { id } }')).company).toBeNull();
    expect((await ok('{ model(id: "hyperclova-x-think") { name } }')).model).toEqual({ name: 'HyperCLOVA X THINK' });
    expect((await ok(HISTORY, { id: 'telly' })).history.map((record: { action: string }) => record.action)).toEqual([
      'RETIRE',
    ]);
  });

  it('a JSON export loaded into an empty database gives back the edited graph', async () => {
    const exported = await (await fetch(server.url.replace('/graphql', '/export/graph.json'))).text();
    const before = await graphChecksum(server.runner, { exported: true });
    await emptyDatabase(server.runner);
    const written = await importJsonGraph(server.runner, parseJsonGraph(exported));
    expect(written.nodes).toBeGreaterThan(200);
    expect(await graphChecksum(server.runner)).toBe(before);
    expect(await ok('{ company(id: "tesla") { name } model(id: "hyperclova-x-think") { developers { id } } }')).toEqual(
      { company: { name: 'Tesla (edited)' }, model: { developers: [{ id: 'naver' }] } },
    );
    // A second import into a database that is no longer empty is refused, and changes nothing.
    await expect(importJsonGraph(server.runner, parseJsonGraph(exported))).rejects.toThrow(/import into an empty one/);
    expect(await graphChecksum(server.runner)).toBe(before);
  });
});

describe('retired and private things stay private', () => {
  const relationshipsOf = async (id: string) =>
    (await server.runner.read('MATCH (n {id: $id})-[r]-() RETURN count(r) AS count', { id }))[0].count;

  it(`retiring moves an entity's relationships into it, so nothing live reaches it, and restore gives back the \
same graph`, async () => {
    const before = await graphChecksum(server.runner, { exported: true });
    expect(await relationshipsOf('naver')).toBeGreaterThan(5);
    await ok(RETIRE, { id: 'naver', reason: 'test' });
    expect(await relationshipsOf('naver')).toBe(0);
    await ok(RESTORE, { id: 'naver' });
    expect(await graphChecksum(server.runner, { exported: true })).toBe(before);
  });

  it.each([
    ['the model first', ['hyperclova-x', 'naver']],
    ['the company first', ['naver', 'hyperclova-x']],
  ])('restores two linked entities retired together in either order, restoring %s', async (_label, order) => {
    const before = await graphChecksum(server.runner, { exported: true });
    for (const retired of [
      ['naver', 'hyperclova-x'],
      ['hyperclova-x', 'naver'],
    ]) {
      for (const id of retired) await ok(RETIRE, { id, reason: 'test' });
      expect([await relationshipsOf('naver'), await relationshipsOf('hyperclova-x')]).toEqual([0, 0]);
      for (const id of order) await ok(RESTORE, { id });
      expect(await graphChecksum(server.runner, { exported: true })).toBe(before);
    }
    const { model: restored } = await ok('{ model(id: "hyperclova-x") { developers { id } } }');
    expect(restored.developers).toEqual([{ id: 'naver' }]);
  });

  it(`refuses to retire a source, a stage or an industry that live facts cite or point at, saying how many and \
which`, async () => {
    const before = await graphChecksum(server.runner);
    const source = await send(RETIRE, { id: 'eximbank-2023-generative-ai', reason: 'test' });
    expect(codeOf(source)).toBe('BAD_USER_INPUT');
    expect(source.errors![0].message).toMatch(
      /^"eximbank-2023-generative-ai" is cited by \d{2,} entities, such as [a-z0-9-]+, [a-z0-9-]+, [a-z0-9-]+, \.\.\.; retire them or make them cite another source first\.$/,
    );
    const stage = await send(RETIRE, { id: 'data', reason: 'test' });
    expect(stage.errors![0].message).toMatch(
      /^"data" is a ValueChainStage that \d+ entities point at, such as [a-z0-9-]+, .*; retire them first\.$/,
    );
    expect(await graphChecksum(server.runner)).toBe(before);
    // A source nothing cites can go.
    await ok(ADD_SOURCE, { input: { id: 'uncited-note', name: 'A note nothing cites' } });
    expect((await ok(RETIRE, { id: 'uncited-note', reason: 'unused' })).retire.changed).toBe(true);
  });

  it(`shows key names and a retired entity's history only to editors; exports carry neither`, async () => {
    await ok(ADD_SOURCE, { input: source });
    await ok(UPSERT_COMPANY, { input: { id: 'naver', name: 'NAVER', country: 'KR', sourceIds: [source.id] } });
    await ok(UPSERT_COMPANY, { input: { id: 'naver', name: 'NAVER Corp', country: 'KR', sourceIds: [source.id] } });
    for (const key of [null, READER]) {
      const refused = await send(HISTORY, { id: 'naver' }, key);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toBe(
        "HistoryRecord.by (the name of an API key) is shown only to editors; leave it out or send an editor's key.",
      );
      const open = await send('query ($id: ID!) { history(id: $id) { action } }', { id: 'naver' }, key);
      expect(open.data!.history.length).toBeGreaterThan(0);
    }
    expect((await ok(HISTORY, { id: 'naver' })).history.at(-1).by).toBe('alice');

    await ok(RETIRE, { id: 'hyperclova-x', reason: 'test' });
    const hidden = await send('query ($id: ID!) { history(id: $id) { action } }', { id: 'hyperclova-x' }, READER);
    expect(hidden.data).toEqual({ history: [] });
    expect((await ok(HISTORY, { id: 'hyperclova-x' })).history.at(-1)).toMatchObject({ action: 'RETIRE', by: 'alice' });
    await ok(RESTORE, { id: 'hyperclova-x' });

    // Data written by earlier versions carried the key's name on the entity.
    await server.runner.write("MATCH (n:Entity {id: 'openai'}) SET n.editedBy = 'alice'");
    for (const file of ['graph.json', 'graph.cypher', 'graph.graphml', 'nodes.csv']) {
      const text = await (await fetch(server.url.replace('/graphql', `/export/${file}`))).text();
      expect({ file, editedBy: text.includes('editedBy'), alice: text.includes('alice') }).toEqual({
        file,
        editedBy: false,
        alice: false,
      });
    }
    const { data } = await send('{ exportGraph(format: JSON) { content } }', {}, READER);
    expect(data!.exportGraph.content).not.toContain('editedBy');
    const stored = await server.runner.read(
      "MATCH (n:Entity) WHERE n.editedBy IS NOT NULL AND n.id <> 'openai' RETURN n.id AS id",
    );
    expect(stored).toEqual([]);
  });
});

it('marks a company comparison-only, citing its source, and concentration then leaves it out', async () => {
  const CAPS = '{ concentration(measure: MARKET_CAP) { population shares { key } } }';
  const keys = (data: AnswerData) =>
    (data.concentration as { shares: { key: string }[] }).shares.map((share) => share.key);
  const before = await ok(CAPS);
  expect(keys(before)).toContain('tesla');
  const marked = await ok(
    'mutation ($input: CompanyInput!) { upsertCompany(input: $input) { changed entity { ' +
      '... on Company { comparisonOnly claims(field: "comparisonOnly") { value source { id } } } } } }',
    { input: { id: 'tesla', name: 'Tesla', comparisonOnly: true, sourceIds: ['eximbank-2023-generative-ai'] } },
  );
  expect(marked.upsertCompany).toEqual({
    changed: true,
    entity: { comparisonOnly: true, claims: [{ value: 'true', source: { id: 'eximbank-2023-generative-ai' } }] },
  });
  const after = await ok(CAPS);
  expect(keys(after)).not.toContain('tesla');
  expect((after.concentration as { population: number }).population).toBe(
    (before.concentration as { population: number }).population - 1,
  );
});
