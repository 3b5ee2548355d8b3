import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../src/config';
import { onOrBefore } from '../src/analytics/partialDate';
import { AnswerData, GraphQLResponse, codeOf, startSeededServer } from './support/graphqlClient';
import type { SeedRecord } from './support/seedOracle';

type Records = SeedRecord[];
const seed = (file: string): Records => parse(fs.readFileSync(path.join(projectRoot, 'seed', file), 'utf8'));
const refId = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

let server: Awaited<ReturnType<typeof startSeededServer>>;
let gql: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

beforeAll(async () => {
  server = await startSeededServer();
  gql = server.gql;
});
afterAll(() => server.close());

const ok = (query: string, variables?: Record<string, unknown>) => server.ok(query, variables);

describe('single entities', () => {
  it('looks up each kind by id, with its sources, and gives null for an unknown id', async () => {
    const data = await ok(`{
      company(id: "naver") { id kind name nameKo country sources { id } }
      model(id: "gpt-4") { id kind name parameters releasedOn developers { id } }
      service(id: "chatgpt") { id kind providers { id } }
      entity(id: "eximbank-2023-generative-ai") { id kind ... on Source { publisher publishedOn } }
      nobody: company(id: "no-such-company") { id }
      wrongKind: company(id: "gpt-4") { id }
    }`);
    expect(data.company).toMatchObject({ id: 'naver', kind: 'COMPANY', nameKo: '네이버', country: 'KR' });
    expect(data.company.sources.map((s: { id: string }) => s.id)).toEqual(
      seed('companies.yaml').find((c) => c.id === 'naver')!.sources,
    );
    expect(data.model).toMatchObject({
      id: 'gpt-4',
      kind: 'FOUNDATION_MODEL',
      parameters: null,
      releasedOn: '2023-03',
      developers: [{ id: 'openai' }],
    });
    expect(data.service.providers.map((p: { id: string }) => p.id)).toEqual(
      seed('services.yaml')
        .find((s) => s.id === 'chatgpt')!
        .providers!.map(refId)
        .sort(),
    );
    expect(data.entity).toMatchObject({ kind: 'SOURCE', publishedOn: '2023-06' });
    expect(data.nobody).toBeNull();
    expect(data.wrongKind).toBeNull();
  });
});

describe('nested traversals answer what the seed files say', () => {
  it('gives the services built on each model', async () => {
    const data = await ok('{ models(first: 100) { nodes { id services { id } developers { id } } } }');
    const services = seed('services.yaml');
    for (const model of seed('models.yaml')) {
      const served = data.models.nodes.find((node: { id: string }) => node.id === model.id);
      const expected = services.filter((s) => (s.models ?? []).map(refId).includes(model.id)).map((s) => s.id);
      expect({ model: model.id, services: served.services.map((s: { id: string }) => s.id).sort() }).toEqual({
        model: model.id,
        services: expected.sort(),
      });
      expect(served.developers.map((d: { id: string }) => d.id).sort()).toEqual(model.developers!.map(refId).sort());
    }
  });

  it('gives the parties and roles of every partnership', async () => {
    const data = await ok(
      '{ partnerships(first: 100) { totalCount nodes { ' +
        'id partnershipKind confidence parties { role company { id } } } } }',
    );
    const deals = seed('partnerships.yaml');
    expect(data.partnerships.totalCount).toBe(deals.length);
    for (const deal of deals) {
      const served = data.partnerships.nodes.find((node: { id: string }) => node.id === deal.id);
      expect(served.partnershipKind).toBe(deal.kind);
      expect(served.confidence).toBe(deal.confidence);
      const parties = served.parties
        .map((p: { role: string; company: { id: string } }) => `${p.company.id}:${p.role}`)
        .sort();
      expect(parties).toEqual(
        deal.parties!.map((p: { company: string; role: string }) => `${p.company}:${p.role}`).sort(),
      );
    }
  });

  it('walks company -> stages, models, services, adopted models and partnerships', async () => {
    const data = await ok(`{ company(id: "microsoft") {
      stages { id } adoptedModels { id } services { id }
      partnerships { id } investments: partnerships(kind: INVESTMENT) { id }
      early: partnerships(asOf: "2022") { id } } }`);
    const microsoft = seed('companies.yaml').find((c) => c.id === 'microsoft')!;
    expect(data.company.stages.map((s: { id: string }) => s.id).sort()).toEqual(
      (microsoft.stages ?? []).map(refId).sort(),
    );
    const deals = seed('partnerships.yaml').filter((d) =>
      d.parties!.some((p: { company: string }) => p.company === 'microsoft'),
    );
    expect(data.company.partnerships.map((d: { id: string }) => d.id).sort()).toEqual(deals.map((d) => d.id).sort());
    const ids = (list: { id: string }[]) => list.map((d) => String(d.id)).sort();
    expect(ids(data.company.investments)).toEqual(ids(deals.filter((d) => d.kind === 'INVESTMENT')));
    expect(ids(data.company.early)).toEqual(
      ids(deals.filter((d) => d.announcedOn && onOrBefore(d.announcedOn, '2022'))),
    );
    // "2023-01" is 2023-01-01: a deal announced in January 2023 ("2023-01") counts, one of 2023-01-23 does not.
    const asOf2023 = await ok('{ company(id: "microsoft") { partnerships(asOf: "2023-01") { id announcedOn } } }');
    expect(ids(asOf2023.company.partnerships)).toEqual(
      ids(deals.filter((d) => d.announcedOn && onOrBefore(d.announcedOn, '2023-01'))),
    );
    expect(asOf2023.company.partnerships.map((d: { announcedOn: string }) => d.announcedOn)).toContain('2023-01');
  });

  it(`lists stages in chain order with their participants, industries with their services, \
and every source`, async () => {
    const data = await ok(
      '{ stages { id order layer participants { id } } industries { id services { id } } sources { id } }',
    );
    expect(data.stages.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const companies = seed('companies.yaml');
    for (const stage of data.stages) {
      const expected = companies.filter((c) => (c.stages ?? []).map(refId).includes(stage.id)).map((c) => c.id);
      expect(stage.participants.map((p: { id: string }) => p.id).sort()).toEqual(expected.sort());
    }
    expect(data.industries).toHaveLength(seed('industries.yaml').length);
    expect(data.sources).toHaveLength(seed('sources.yaml').length);
  });
});

describe('lists', () => {
  it('walks every page of companies with first: 7 and meets each company exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 50; pages += 1) {
      const data: AnswerData = await ok(
        'query($after: String) { companies(first: 7, after: $after) { ' +
          'totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      total = data.companies.totalCount;
      seen.push(...data.companies.nodes.map((n: { id: string }) => n.id));
      if (!data.companies.pageInfo.hasNextPage) break;
      after = data.companies.pageInfo.endCursor;
    }
    const ids = seed('companies.yaml').map((c) => c.id);
    expect(total).toBe(ids.length);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters companies by country, stage and name', async () => {
    const data = await ok(`{
      kr: companies(filter: { country: "KR" }, first: 100) { totalCount nodes { country } }
      chips: companies(filter: { stage: "chips" }, first: 100) { nodes { id } }
      named: companies(filter: { nameContains: "네이버" }) { nodes { id } }
    }`);
    const companies = seed('companies.yaml');
    expect(data.kr.totalCount).toBe(companies.filter((c) => c.country === 'KR').length);
    expect(data.chips.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      companies
        .filter((c) => (c.stages ?? []).map(refId).includes('chips'))
        .map((c) => c.id)
        .sort(),
    );
    expect(data.named.nodes).toEqual([{ id: 'naver' }]);
  });

  it('orders models by parameters (undisclosed last) and by release, and filters them', async () => {
    const data = await ok(`{
      bySize: models(orderBy: PARAMETERS_DESC, first: 100) { nodes { id parameters } }
      byDate: models(orderBy: RELEASED_ON, first: 100) { nodes { releasedOn } }
      big: models(filter: { minParameters: 2e11 }, first: 100) { nodes { parameters } }
      naver: models(filter: { developer: "naver" }) { nodes { id } }
      y2023: models(filter: { releasedFrom: "2023", releasedTo: "2023" }, first: 100) { nodes { releasedOn } }
    }`);
    const sizes = data.bySize.nodes.map((n: { parameters: number | null }) => n.parameters);
    const known = sizes.filter((p: number | null) => p !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => b - a));
    expect(sizes.slice(known.length).every((p: number | null) => p === null)).toBe(true);
    const dates = data.byDate.nodes.map((n: { releasedOn: string | null }) => n.releasedOn).filter(Boolean);
    expect(dates).toEqual([...dates].sort());
    expect(data.big.nodes.every((n: { parameters: number }) => n.parameters >= 2e11)).toBe(true);
    expect(data.naver.nodes.map((n: { id: string }) => n.id)).toEqual(
      seed('models.yaml')
        .filter((m) => m.developers!.map(refId).includes('naver'))
        .map((m) => m.id),
    );
    expect(data.y2023.nodes.map((n: { releasedOn: string }) => n.releasedOn.slice(0, 4))).toEqual(
      seed('models.yaml')
        .filter((m) => String(m.releasedOn ?? '').startsWith('2023'))
        .map(() => '2023'),
    );
  });

  it('filters services by provider, model and industry, and partnerships by company, kind and date', async () => {
    const data = await ok(`{
      onGpt4: services(filter: { model: "gpt-4" }, first: 100) { nodes { id } }
      byNaver: services(filter: { provider: "naver" }, first: 100) { nodes { id } }
      collaborations: partnerships(filter: { kind: COLLABORATION }, first: 100) { totalCount }
      of2023: partnerships(filter: { company: "microsoft", from: "2023", to: "2023" }, first: 100) {
        nodes { announcedOn }
      }
    }`);
    const services = seed('services.yaml');
    expect(data.onGpt4.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      services
        .filter((s) => (s.models ?? []).map(refId).includes('gpt-4'))
        .map((s) => s.id)
        .sort(),
    );
    expect(data.byNaver.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      services
        .filter((s) => s.providers!.map(refId).includes('naver'))
        .map((s) => s.id)
        .sort(),
    );
    expect(data.collaborations.totalCount).toBe(
      seed('partnerships.yaml').filter((d) => d.kind === 'COLLABORATION').length,
    );
    expect(data.of2023.nodes.length).toBeGreaterThan(0);
    expect(data.of2023.nodes.every((n: { announcedOn: string }) => n.announcedOn.startsWith('2023'))).toBe(true);
  });
});

describe('every combination of filters', () => {
  /** Every subset of the given filters. */
  const subsets = <T>(items: T[]): T[][] =>
    items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
  const inRange = (date: string | null, from?: string, to?: string) =>
    (from === undefined || (date !== null && date >= from)) &&
    (to === undefined || (date !== null && (date <= to || date.startsWith(to))));

  /** Asks for every subset of `filters` with and without totalCount; compares ids, order and count with `expected`. */
  async function checkAll(
    list: string,
    filterType: string,
    filters: Record<string, unknown>,
    orderBy: string,
    expected: (given: Record<string, unknown>) => string[],
  ) {
    for (const subset of subsets(Object.keys(filters))) {
      const given = Object.fromEntries(subset.map((key) => [key, filters[key]]));
      const want = expected(given);
      const data = await ok(
        `query ($filter: ${filterType}) {
          counted: ${list}(filter: $filter${orderBy}, first: 100) { totalCount nodes { id } pageInfo { hasNextPage } }
          firstTwo: ${list}(filter: $filter${orderBy}, first: 2) { nodes { id } pageInfo { hasNextPage } }
        }`,
        { filter: given },
      );
      expect({ subset, ids: data.counted.nodes.map((node: { id: string }) => node.id) }).toEqual({ subset, ids: want });
      expect({ subset, totalCount: data.counted.totalCount }).toEqual({ subset, totalCount: want.length });
      expect({
        subset,
        ids: data.firstTwo.nodes.map((node: { id: string }) => node.id),
        more: data.firstTwo.pageInfo.hasNextPage,
      }).toEqual({
        subset,
        ids: want.slice(0, 2),
        more: want.length > 2,
      });
    }
  }

  it('models: developer, access, minParameters, releasedFrom, releasedTo, in order of size', async () => {
    const all = (
      await ok(
        '{ models(orderBy: PARAMETERS_DESC, first: 100) { ' +
          'totalCount nodes { id access parameters releasedOn developers { id } } } }',
      )
    ).models;
    expect(all.nodes.length).toBe(all.totalCount);
    await checkAll(
      'models',
      'ModelFilter',
      { developer: 'google', access: 'LIMITED', minParameters: 1e10, releasedFrom: '2022', releasedTo: '2023-03' },
      ', orderBy: PARAMETERS_DESC',
      (given) =>
        all.nodes
          .filter(
            (m: AnswerData) =>
              (given.developer === undefined || m.developers.some((d: { id: string }) => d.id === given.developer)) &&
              (given.access === undefined || m.access === given.access) &&
              (given.minParameters === undefined ||
                (m.parameters !== null && m.parameters >= (given.minParameters as number))) &&
              inRange(m.releasedOn, given.releasedFrom as string | undefined, given.releasedTo as string | undefined),
          )
          .map((m: { id: string }) => m.id),
    );
  });

  it('companies, services and partnerships: each of their filters and every combination', async () => {
    const all = await ok(`{
      companies(first: 100) { totalCount nodes { id name nameKo country stages { id } } }
      services(first: 100) { totalCount nodes { id providers { id } models { id } industries { id } } }
      partnerships(first: 100) { totalCount nodes { id partnershipKind announcedOn parties { company { id } } } }
    }`);
    for (const list of ['companies', 'services', 'partnerships'])
      expect(all[list].nodes.length).toBe(all[list].totalCount);
    const has = (items: { id: string }[], id: unknown) => id === undefined || items.some((item) => item.id === id);
    const contains = (text: string | null, part: string) => (text ?? '').toLowerCase().includes(part.toLowerCase());
    await checkAll('companies', 'CompanyFilter', { country: 'US', stage: 'cloud', nameContains: 'o' }, '', (given) =>
      all.companies.nodes
        .filter(
          (c: AnswerData) =>
            (given.country === undefined || c.country === given.country) &&
            has(c.stages, given.stage) &&
            (given.nameContains === undefined ||
              contains(c.name, given.nameContains as string) ||
              contains(c.nameKo, given.nameContains as string)),
        )
        .map((c: { id: string }) => c.id),
    );
    await checkAll(
      'services',
      'ServiceFilter',
      { provider: 'microsoft', model: 'gpt-4', industry: 'software-development' },
      '',
      (given) =>
        all.services.nodes
          .filter(
            (s: AnswerData) =>
              has(s.providers, given.provider) && has(s.models, given.model) && has(s.industries, given.industry),
          )
          .map((s: { id: string }) => s.id),
    );
    await checkAll(
      'partnerships',
      'PartnershipFilter',
      { company: 'microsoft', kind: 'INVESTMENT', from: '2019', to: '2023-01' },
      '',
      (given) =>
        all.partnerships.nodes
          .filter(
            (p: AnswerData) =>
              has(
                p.parties.map((party: { company: { id: string } }) => party.company),
                given.company,
              ) &&
              (given.kind === undefined || p.partnershipKind === given.kind) &&
              inRange(p.announcedOn, given.from as string | undefined, given.to as string | undefined),
          )
          .map((p: { id: string }) => p.id),
    );
  });
});

describe('search', () => {
  it.each([
    ['하이퍼클로바', 'hyperclova-x'],
    ['hyperclova', 'hyperclova-x'],
    ['네이버', 'naver'],
    ['Naver', 'naver'],
  ])('finds %s', async (text, id) => {
    const data = await ok('query($text: String!) { search(text: $text) { score entity { id kind } } }', { text });
    expect(data.search.map((hit: { entity: { id: string } }) => hit.entity.id)).toContain(id);
  });

  it('keeps to the kinds asked for', async () => {
    const data = await ok('{ search(text: "naver", kinds: [FOUNDATION_MODEL, SERVICE]) { entity { kind } } }');
    expect(data.search.length).toBeGreaterThan(0);
    expect(
      data.search.every((hit: { entity: { kind: string } }) =>
        ['FOUNDATION_MODEL', 'SERVICE'].includes(hit.entity.kind),
      ),
    ).toBe(true);
  });

  it('finds nothing for an empty list of kinds, and every kind for null', async () => {
    const query = 'query($kinds: [EntityKind!]) { search(text: "naver", kinds: $kinds) { entity { id kind } } }';
    expect((await ok(query, { kinds: [] })).search).toEqual([]);
    const all = (await ok(query, { kinds: null })).search as { entity: { kind: string } }[];
    expect(new Set(all.map((hit) => hit.entity.kind)).size).toBeGreaterThan(1);
    expect(all).toEqual((await ok(query, {})).search);
  });
});

describe('bad arguments', () => {
  it.each([
    ['first below 1', '{ companies(first: 0) { totalCount } }'],
    ['first above 100', '{ models(first: 101) { totalCount } }'],
    ['a made-up cursor', '{ services(after: "bm90LWEtY3Vyc29y") { totalCount } }'],
    ['an unbalanced quote in search', '{ search(text: "\\"naver") { score } }'],
    ['a lone * in search', '{ search(text: "*") { score } }'],
    [
      'a malformed date',
      'query($from: PartialDate) { partnerships(filter: { from: $from }) { totalCount } }',
      { from: 'June 2023' },
    ],
    ['an empty search', '{ search(text: "  ") { score } }'],
    ['an explicit first: null', '{ companies(first: null) { totalCount } }'],
  ])('%s is BAD_USER_INPUT', async (_name: string, query: string, ...variables: Record<string, unknown>[]) => {
    const response = await gql(query, variables[0]);
    expect(response.data ?? null).toBeNull();
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });

  it('an unknown field is a validation error, with no stack trace', async () => {
    const response = await gql('{ company(id: "naver") { ceo } }');
    expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|\bat \w+ \(/);
  });
});

describe('malformed requests', () => {
  it('answers a body that is not JSON with a JSON error and no stack', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers a body over 100 KB with 413', async () => {
    const body = JSON.stringify({ query: `{ stages { id } } # ${'x'.repeat(110_000)}` });
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).not.toMatch(/ at /);
  });
});

describe('sources', () => {
  it('serves a source through the Entity interface with a null confidence', async () => {
    const data = await ok('{ company(id: "naver") { confidence sources { id confidence } } }');
    expect(data.company.confidence).toBe('REPORTED');
    expect(data.company.sources.every((s: { confidence: string | null }) => s.confidence === null)).toBe(true);
  });
});

describe('batching', () => {
  it('reads a 4-level query over 50 companies in one Cypher statement', async () => {
    const response = await gql(
      `{ companies(first: 50) { nodes { id models { id services { id providers { id name } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.companies.nodes).toHaveLength(50);
    // depth + 1 at most; the page carries every level below it.
    expect(response.extensions?.cypher?.statements).toBe(1);
  });

  it('reads root entities of one turn, with what they select below, in one statement', async () => {
    const response = await gql(`{
      a: company(id: "openai") { name models { id developers { id } } }
      b: company(id: "naver") { ...card }
      m: model(id: "gpt-4") { name services { id } }
      notAService: service(id: "openai") { id }
      missing: company(id: "no-such-company") { id }
    }
    fragment card on Company { nameKo services { id providers { id } } }`);
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.a.name).toBe('OpenAI');
    expect(data.a.models.map((model: { id: string }) => model.id)).toContain('gpt-4');
    expect(
      data.a.models.every((model: { developers: { id: string }[] }) =>
        model.developers.some((developer) => developer.id === 'openai'),
      ),
    ).toBe(true);
    expect(data.b.nameKo).toBe('네이버');
    expect(data.b.services.length).toBeGreaterThan(0);
    expect(data.m.services.map((service: { id: string }) => service.id)).toContain('chatgpt-plus');
    expect(data.notAService).toBeNull();
    expect(data.missing).toBeNull();
    expect(response.extensions?.cypher?.statements).toBe(1);
  });

  it('reads what each use of a shared fragment selects, where it merges with different fields', async () => {
    // The field node of `models` in F merges with a different sibling under each root: each must read its own.
    const response = await gql(`{
      a: company(id: "openai") { ...F models { name } }
      b: company(id: "naver") { ...F models { parametersNote } }
      c: companies(filter: { country: "KR" }, first: 3) { nodes { ...F models { releasedOn } } }
    }
    fragment F on Company { models { id } }`);
    expect(response.errors).toBeUndefined();
    // The same fields asked for without the fragment, one root per request.
    const a = await ok('{ company(id: "openai") { models { id name } } }');
    const b = await ok('{ company(id: "naver") { models { id parametersNote } } }');
    const c = await ok('{ companies(filter: { country: "KR" }, first: 3) { nodes { models { id releasedOn } } } }');
    expect(response.data!.a).toEqual(a.company);
    expect(response.data!.b).toEqual(b.company);
    expect(response.data!.c).toEqual(c.companies);
    expect(b.company.models.some((model: { parametersNote: string | null }) => model.parametersNote !== null)).toBe(
      true,
    );
  });

  it('gives pageInfo without counting when totalCount is not read, and the same pages as when it is', async () => {
    const counted = await gql(
      '{ models(orderBy: PARAMETERS_DESC, first: 7) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
    );
    const uncounted = await gql(
      '{ models(orderBy: PARAMETERS_DESC, first: 7) { nodes { id } pageInfo { hasNextPage endCursor } } }',
    );
    expect(uncounted.data!.models).toEqual({
      nodes: counted.data!.models.nodes,
      pageInfo: counted.data!.models.pageInfo,
    });
    expect(counted.data!.models.pageInfo.hasNextPage).toBe(true);
    const total = counted.data!.models.totalCount as number;
    // The last page: hasNextPage false, with and without the count.
    const after = Buffer.from(`pos:${total - 3}`).toString('base64url');
    for (const selection of [
      'totalCount nodes { id } pageInfo { hasNextPage }',
      'nodes { id } pageInfo { hasNextPage }',
    ]) {
      const last = await gql(`{ models(orderBy: PARAMETERS_DESC, first: 7, after: "${after}") { ${selection} } }`);
      expect(last.data!.models.nodes).toHaveLength(2);
      expect(last.data!.models.pageInfo.hasNextPage).toBe(false);
    }
  });

  it('resolves the sources of many entities in one statement per level', async () => {
    const response = await gql('{ companies(first: 50) { nodes { sources { id } } } }');
    expect(response.extensions?.cypher).toMatchObject({ statements: 2 });
  });
});
