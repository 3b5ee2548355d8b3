import type { QueryRunner } from '../src/db/queryRunner';
import { onOrBefore } from '../src/analytics/partialDate';
import { strongestConfidence } from '../src/domain/strongestConfidence';
import { AnswerData, GraphQLResponse, codeOf, startSeededServer } from './support/graphqlClient';
import { closure, datedDependencies, seedDependencies, seedFile } from './support/seedOracle';

let server: Awaited<ReturnType<typeof startSeededServer>>;
let runner: QueryRunner;
let gql: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

beforeAll(async () => {
  server = await startSeededServer();
  runner = server.runner;
  gql = server.gql;
});
afterAll(() => server.close());

const ok = (query: string, variables?: Record<string, unknown>) => server.ok(query, variables);
const edges = seedDependencies();
const refId = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);
const services = seedFile('services.yaml');
const models = seedFile('models.yaml');
const companies = seedFile('companies.yaml');

describe('derived dependencies', () => {
  it('holds exactly the dependency edges the seed files define', async () => {
    const rows = await runner.read(
      'MATCH (a)-[d:DEPENDS_ON]->(b) RETURN a.id + " " + d.relation + " " + b.id AS edge ORDER BY edge',
    );
    expect(rows.map((row) => row.edge)).toEqual(edges.map((e) => `${e.from} ${e.relation} ${e.to}`).sort());
  });
});

describe('upstream and downstream', () => {
  const closureQuery = (direction: string) => `query($of: ID!, $maxHops: Int) {
    ${direction}(of: $of, maxHops: $maxHops) { root { id } nodes { distance entity { id } } steps { from to relation } }
  }`;

  it("reaches a GPT-4 service's model, its developer and the developer's investor", async () => {
    const service = services.find(
      (s) => (s.models ?? []).map(refId).includes('gpt-4') && !s.providers!.map(refId).includes('openai'),
    )!;
    const investors = seedFile('partnerships.yaml')
      .filter(
        (deal) =>
          deal.kind === 'INVESTMENT' &&
          deal.parties!.some((p: { company: string; role: string }) => p.company === 'openai' && p.role === 'investee'),
      )
      .flatMap((deal) =>
        deal.parties!.filter((p: { role: string }) => p.role === 'investor').map((p: { company: string }) => p.company),
      );
    expect(investors.length).toBeGreaterThan(0);
    const data = await ok(closureQuery('upstream'), { of: service.id });
    const distance = Object.fromEntries(
      data.upstream.nodes.map((n: { distance: number; entity: { id: string } }) => [n.entity.id, n.distance]),
    );
    expect(distance['gpt-4']).toBe(1);
    expect(distance.openai).toBe(2);
    for (const investor of investors) expect(distance[investor]).toBeLessThanOrEqual(3);
    expect(data.upstream.steps).toContainEqual({ from: service.id, to: 'gpt-4', relation: 'BUILT_ON' });
    expect(data.upstream.steps).toContainEqual({ from: 'openai', to: investors[0], relation: 'INVESTED_BY' });
  });

  it.each(['upstream', 'downstream'] as const)(
    '%s of every company, model and service equals a breadth-first walk of the seed files',
    async (direction) => {
      const roots = [...services, ...models, ...companies].map((record) => record.id as string);
      for (const root of roots) {
        for (const maxHops of [1, 6]) {
          const data = await ok(closureQuery(direction), { of: root, maxHops });
          const expected = closure(edges, root, direction, maxHops);
          const got = new Map(
            data[direction].nodes.map((n: { distance: number; entity: { id: string } }) => [n.entity.id, n.distance]),
          );
          expect({ root, maxHops, nodes: got }).toEqual({ root, maxHops, nodes: expected });
          const inside = new Set([root, ...expected.keys()]);
          const steps = edges
            .filter((e) => inside.has(e.from) && inside.has(e.to))
            .map((e) => `${e.from} ${e.relation} ${e.to}`);
          expect(
            data[direction].steps
              .map((s: { from: string; to: string; relation: string }) => `${s.from} ${s.relation} ${s.to}`)
              .sort(),
          ).toEqual(steps.sort());
        }
      }
    },
  );

  it('lists nearest first and answers an entity outside the dependency graph with no nodes', async () => {
    const data = await ok(closureQuery('upstream'), { of: 'chatgpt' });
    const distances = data.upstream.nodes.map((n: { distance: number }) => n.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const stage = await ok(closureQuery('downstream'), { of: 'chips' });
    expect(stage.downstream).toEqual({ root: { id: 'chips' }, nodes: [], steps: [] });
  });
});

describe('dependencyPaths', () => {
  const pathsQuery = `query($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
    dependencyPaths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
      length entities { id } steps { from to relation relations }
    }
  }`;
  type Path = {
    length: number;
    entities: { id: string }[];
    steps: { from: string; to: string; relation: string; relations: string[] }[];
  };
  /** Every relation by which `from` depends on `to`, from the seed files. */
  const relationsOf = (from: string, to: string) =>
    edges
      .filter((e) => e.from === from && e.to === to)
      .map((e) => e.relation)
      .sort();

  it('gives the shortest paths first, each a chain of seed dependencies that never revisits an entity', async () => {
    const from = services.find((s) => (s.models ?? []).map(refId).includes('gpt-4'))!.id as string;
    const shortest = closure(edges, from, 'upstream').get('microsoft')!;
    const data = await ok(pathsQuery, { from, to: 'microsoft', first: 20 });
    const paths = data.dependencyPaths as Path[];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0].length).toBe(shortest);
    expect(paths.map((p) => p.length)).toEqual([...paths.map((p) => p.length)].sort((a, b) => a - b));
    const known = new Set(edges.map((e) => `${e.from} ${e.relation} ${e.to}`));
    for (const p of paths) {
      const ids = p.entities.map((e) => e.id);
      expect(ids[0]).toBe(from);
      expect(ids.at(-1)).toBe('microsoft');
      expect(ids).toHaveLength(p.length + 1);
      expect(new Set(ids).size).toBe(ids.length);
      p.steps.forEach((step, i) => {
        expect([step.from, step.to]).toEqual([ids[i], ids[i + 1]]);
        expect(known.has(`${step.from} ${step.relation} ${step.to}`)).toBe(true);
        // Parallel dependencies (OpenAI on Microsoft by investment, hosting, ownership) make one route.
        expect([...step.relations].sort()).toEqual(relationsOf(step.from, step.to));
        expect(step.relation).toBe(step.relations[0]);
      });
    }
    const routes = paths.map((p) => p.entities.map((e) => e.id).join(','));
    expect(new Set(routes).size).toBe(routes.length);
    expect(paths.some((p) => p.steps.some((step) => step.relations.length > 1))).toBe(true);
    // Ties at the cut are settled by entity ids, then relations: asking for fewer gives a prefix.
    const one = await ok(pathsQuery, { from, to: 'microsoft', first: 1 });
    expect(one.dependencyPaths).toEqual([paths[0]]);
    const key = (p: Path) => `${p.length} ${p.entities.map((e) => e.id).join(',')}`;
    expect(paths.map(key)).toEqual(
      [...paths.map(key)].sort(
        (a, b) => Number(a.split(' ')[0]) - Number(b.split(' ')[0]) || (a < b ? -1 : a > b ? 1 : 0),
      ),
    );
    const tooShort = await ok(pathsQuery, { from, to: 'microsoft', maxHops: shortest - 1 });
    expect(tooShort.dependencyPaths).toEqual([]);
  });

  it('answers with no paths where nothing depends that way, or from an entity to itself', async () => {
    expect((await ok(pathsQuery, { from: 'microsoft', to: 'askup' })).dependencyPaths).toEqual([]);
    expect((await ok(pathsQuery, { from: 'openai', to: 'openai' })).dependencyPaths).toEqual([]);
  });

  it('finds a direct dependency with maxHops: 1', async () => {
    const direct = edges.find((e) => e.relation === 'BUILT_ON')!;
    const data = await ok(pathsQuery, { from: direct.from, to: direct.to, maxHops: 1 });
    expect(data.dependencyPaths).toEqual([
      {
        length: 1,
        entities: [{ id: direct.from }, { id: direct.to }],
        steps: [{ ...direct, relations: [direct.relation] }],
      },
    ]);
  });
});

describe('confidence and sources of dependency steps', () => {
  type Sourced = { confidence: string; sources: { id: string; name: string; url: string | null }[] };
  type Step = Sourced & { from: string; to: string; relation: string; relations: string[] };
  const stepFields = 'from to relation relations confidence sources { id name url }';
  const dated = datedDependencies();
  /** What the seed files say of the facts by which `from` depends on `to` (by `relations`, else by any). */
  const seedFacts = (from: string, to: string, relations?: string[]) => {
    const facts = dated
      .filter((e) => e.from === from && e.to === to && (!relations || relations.includes(e.relation)))
      .flatMap((e) => e.facts);
    expect(facts.length).toBeGreaterThan(0);
    return {
      confidence: strongestConfidence(facts.map((fact) => fact.confidence)),
      sources: [...new Set(facts.flatMap((fact) => fact.sourceIds))].sort(),
    };
  };
  const served = (step: Sourced) => ({
    confidence: step.confidence,
    sources: step.sources.map((source) => source.id).sort(),
  });
  const upstreamSteps = async (of: string): Promise<Step[]> =>
    (await ok(`query($of: ID!) { upstream(of: $of) { steps { ${stepFields} } } }`, { of })).upstream.steps;

  it('gives the step Tongyi Qianwen -> M6 (a hedged fact, no partnership) as UNCERTAIN, with its sources', async () => {
    const steps = await upstreamSteps('tongyi-qianwen');
    const step = steps.find((s) => s.from === 'tongyi-qianwen' && s.to === 'm6-10t')!;
    expect(step).toMatchObject({ relation: 'BUILT_ON', relations: ['BUILT_ON'], confidence: 'UNCERTAIN' });
    expect(step.sources.length).toBeGreaterThan(0);
    expect(served(step)).toEqual(seedFacts('tongyi-qianwen', 'm6-10t'));
    const { entity } = await ok('{ entity(id: "tongyi-qianwen") { sources { id name url } } }');
    // The link has no sources of its own in the seed: it cites the service's.
    expect([...step.sources].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...entity.sources].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)),
    );
  });

  it('gives every step of a walk the confidence and sources of the seed facts behind it', async () => {
    for (const root of ['tongyi-qianwen', 'askup']) {
      const steps = await upstreamSteps(root);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps)
        expect({ step: `${step.from} ${step.relation} ${step.to}`, ...served(step) }).toEqual({
          step: `${step.from} ${step.relation} ${step.to}`,
          ...seedFacts(step.from, step.to, [step.relation]),
        });
    }
  });

  it('gives a step each of its relations as a walk step, firm or not: OpenAI on Microsoft', async () => {
    const steps = (await upstreamSteps('openai')).filter((s) => s.from === 'openai' && s.to === 'microsoft');
    const confidence = Object.fromEntries(steps.map((step) => [step.relation, step.confidence]));
    // A CONFIRMED cloud deal and a CONFIRMED investment (next to a REPORTED one), and the acquisition the report
    // hedges.
    expect(confidence).toEqual({ HOSTED_BY: 'CONFIRMED', INVESTED_BY: 'CONFIRMED', OWNED_BY: 'UNCERTAIN' });
    for (const step of steps)
      expect(step.confidence).toBe(seedFacts('openai', 'microsoft', [step.relation]).confidence);
  });

  it('gives a path step with parallel relations the strongest confidence and all their sources', async () => {
    const data = await ok(
      `query($from: ID!, $to: ID!) { dependencyPaths(from: $from, to: $to) { steps { ${stepFields} } } }`,
      { from: 'askup', to: 'microsoft' },
    );
    const steps: Step[] = data.dependencyPaths.flatMap((path: { steps: Step[] }) => path.steps);
    const step = steps.find((s) => s.from === 'openai' && s.to === 'microsoft')!;
    expect([...step.relations].sort()).toEqual(['HOSTED_BY', 'INVESTED_BY', 'OWNED_BY']);
    // The UNCERTAIN acquisition does not make the step uncertain: the investment and the cloud deal are CONFIRMED.
    expect(step.confidence).toBe('CONFIRMED');
    expect(served(step)).toEqual(seedFacts('openai', 'microsoft'));
    expect(new Set(step.sources.map((source) => source.id)).size).toBe(step.sources.length);
    // A firm step of one relation: AskUp is built on GPT-4, as the report says.
    const built = steps.find((s) => s.from === 'askup' && s.to === 'gpt-4')!;
    expect(built).toMatchObject({ relations: ['BUILT_ON'], confidence: 'REPORTED' });
    expect(served(built)).toEqual(seedFacts('askup', 'gpt-4'));
  });
});

describe('concentration', () => {
  const concentrationQuery = `query($measure: ConcentrationMeasure!, $groupBy: ConcentrationGroup, $stage: ID,
    $asOf: PartialDate, $includeComparisonOnly: Boolean) {
    concentration(measure: $measure, groupBy: $groupBy, stage: $stage, asOf: $asOf,
      includeComparisonOnly: $includeComparisonOnly) {
      measure groupBy stage { id } asOf includeComparisonOnly population withoutValue enoughData
      total hhi cr1 cr3 cr4 level shares { key label value share members { id } }
    }
  }`;
  /** Models per developer from models.yaml, a co-developed model split equally. */
  const modelsByDeveloper = (asOf?: string) => {
    const values = new Map<string, number>();
    for (const model of models) {
      if (asOf && !(model.releasedOn && onOrBefore(model.releasedOn, asOf))) continue;
      const developers = (model.developers as (string | { id: string })[]).map(refId);
      for (const developer of developers) values.set(developer, (values.get(developer) ?? 0) + 1 / developers.length);
    }
    return values;
  };
  const hhiOf = (values: number[]) => {
    const total = values.reduce((a, b) => a + b, 0);
    return values.reduce((sum, value) => sum + ((100 * value) / total) ** 2, 0);
  };

  it('measures models by company as the seed files count them', async () => {
    const { concentration } = await ok(concentrationQuery, { measure: 'MODELS' });
    const expected = modelsByDeveloper();
    expect(
      Object.fromEntries(concentration.shares.map((s: { key: string; value: number }) => [s.key, s.value])),
    ).toEqual(Object.fromEntries(expected));
    expect(concentration.total).toBeCloseTo(models.length, 9);
    expect(concentration.hhi).toBeCloseTo(hhiOf([...expected.values()]), 6);
    const sorted = [...expected.values()].sort((a, b) => b - a);
    expect(concentration.cr1).toBeCloseTo(sorted[0] / models.length, 9);
    expect(concentration.cr4).toBeCloseTo(sorted.slice(0, 4).reduce((a, b) => a + b, 0) / models.length, 9);
    expect(concentration.shares.map((s: { value: number }) => s.value)).toEqual(
      [...concentration.shares.map((s: { value: number }) => s.value)].sort((a, b) => b - a),
    );
    expect(concentration.enoughData).toBe(true);
    expect(concentration.level).toBe(
      concentration.hhi > 1800 ? 'HIGH' : concentration.hhi >= 1000 ? 'MODERATE' : 'UNCONCENTRATED',
    );
    // Comparison-only companies are left out of market cap only.
    const population = companies.length;
    expect(concentration).toMatchObject({ population, withoutValue: population - expected.size });
  });

  it('keeps only what existed on asOf: before 2021 one model is left', async () => {
    const { concentration } = await ok(concentrationQuery, { measure: 'MODELS', asOf: '2020' });
    const expected = modelsByDeveloper('2020');
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(1);
    // One holder is no market: the index is that of a monopoly, but there is not enough data for a level.
    expect(concentration).toMatchObject({
      asOf: '2020',
      population: companies.length,
      withoutValue: companies.length - 1,
      enoughData: false,
      total: 1,
      hhi: 10000,
      cr1: 1,
      cr3: 1,
      cr4: 1,
      level: 'NOT_ENOUGH_DATA',
    });
    expect(concentration.shares.map((s: { key: string }) => s.key)).toEqual([...expected.keys()]);
  });

  it('sums by headquarters country', async () => {
    const { concentration } = await ok(concentrationQuery, { measure: 'MODELS', groupBy: 'COUNTRY' });
    const country = new Map(companies.map((c) => [c.id as string, (c.country as string | undefined) ?? 'unknown']));
    const expected = new Map<string, number>();
    for (const [developer, value] of modelsByDeveloper())
      expected.set(country.get(developer)!, (expected.get(country.get(developer)!) ?? 0) + value);
    const got = Object.fromEntries(concentration.shares.map((s: { key: string; value: number }) => [s.key, s.value]));
    expect(Object.keys(got).sort()).toEqual([...expected.keys()].sort());
    for (const [key, value] of expected) expect(got[key]).toBeCloseTo(value, 9);
    expect(concentration.shares.find((s: { key: string }) => s.key === 'US').label).toBe('United States');
  });

  it(`gives each bloc (companies tied by investment, acquisition or licensing, transitively, and each with its \
parent) the services built on its models`, async () => {
    const { concentration } = await ok(concentrationQuery, { measure: 'SERVICES', groupBy: 'BLOC' });
    // Blocs by union-find over the seed's tying partnerships.
    const parent = new Map(companies.map((c) => [c.id as string, c.id as string]));
    const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
    for (const deal of seedFile('partnerships.yaml').filter((d) =>
      ['INVESTMENT', 'ACQUISITION', 'LICENSING'].includes(d.kind!),
    )) {
      const [first, ...rest] = deal.parties!.map((p: { company: string }) => p.company);
      for (const other of rest) parent.set(find(other), find(first));
    }
    // A company counts with its parent (a lab with the group that owns it).
    for (const company of companies.filter((c) => c.parent !== undefined))
      parent.set(find(company.id), find(refId(company.parent as string | { id: string })));
    const servicesOf = (developerIds: string[]) =>
      new Set(
        services
          .filter((s) =>
            (s.models ?? []).map(refId).some((m: string) =>
              developerIds.some((d) =>
                models
                  .find((x) => x.id === m)!
                  .developers!.map(refId)
                  .includes(d),
              ),
            ),
          )
          .map((s) => s.id),
      );
    const blocs = new Map<string, string[]>();
    for (const c of companies) blocs.set(find(c.id), [...(blocs.get(find(c.id)) ?? []), c.id]);
    const expected = [...blocs.values()]
      .map((members) => ({ members: members.sort(), value: servicesOf(members).size }))
      .filter((bloc) => bloc.value > 0);
    const got = concentration.shares.map((s: { value: number; members: { id: string }[] }) => ({
      members: s.members.map((m) => m.id).sort(),
      value: s.value,
    }));
    expect(
      got.sort((a: { members: string[] }, b: { members: string[] }) => (a.members[0] < b.members[0] ? -1 : 1)),
    ).toEqual(expected.sort((a, b) => (a.members[0] < b.members[0] ? -1 : 1)));
  });

  it('keys a bloc by its largest member and lists members largest first', async () => {
    const { concentration } = await ok(concentrationQuery, { measure: 'SERVICES', groupBy: 'BLOC' });
    const byCompany = await ok(concentrationQuery, { measure: 'SERVICES' });
    const own = new Map(byCompany.concentration.shares.map((s: { key: string; value: number }) => [s.key, s.value]));
    for (const share of concentration.shares as { key: string; members: { id: string }[] }[]) {
      const values = share.members.map((m) => (own.get(m.id) as number | undefined) ?? 0);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(share.key).toBe(share.members[0].id);
    }
    const openai = concentration.shares.find((s: { key: string }) => s.key === 'openai');
    expect(openai.members.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['openai', 'microsoft']));
  });

  it('restricts the population to a stage, counts those without a value, and answers an empty one so', async () => {
    const participants = companies.filter((c) => (c.stages ?? []).map(refId).includes('chips'));
    const { concentration } = await ok(concentrationQuery, { measure: 'MARKET_CAP', stage: 'chips' });
    expect(concentration.stage).toEqual({ id: 'chips' });
    const caps = participants.filter((c) => c.marketCapUsdBn).map((c) => Number(c.marketCapUsdBn));
    expect(concentration.total).toBeCloseTo(
      caps.reduce((a, b) => a + b, 0),
      6,
    );
    // AMD is in the chips stage without a market cap: it is in the population, without a value.
    expect(participants.map((c) => c.id)).toContain('amd');
    expect(concentration).toMatchObject({
      population: participants.length,
      withoutValue: participants.length - caps.length,
      enoughData: caps.length >= 2,
    });
    expect(concentration.withoutValue).toBeGreaterThan(0);
    // SK hynix, alone in the memory stage, has no market cap: not an empty market, a gap in the data.
    const memory = companies.filter((c) => (c.stages ?? []).map(refId).includes('memory'));
    expect(memory.map((c) => [c.id, c.marketCapUsdBn])).toEqual([['sk-hynix', undefined]]);
    expect((await ok(concentrationQuery, { measure: 'MARKET_CAP', stage: 'memory' })).concentration).toMatchObject({
      population: 1,
      withoutValue: 1,
      enoughData: false,
      level: 'NOT_ENOUGH_DATA',
      shares: [],
    });
    const foundry = companies.filter((c) => (c.stages ?? []).map(refId).includes('foundry')).length;
    const empty = await ok(concentrationQuery, { measure: 'MODELS', stage: 'foundry', asOf: '1990' });
    expect(empty.concentration).toMatchObject({
      population: foundry,
      withoutValue: foundry,
      enoughData: false,
      total: 0,
      hhi: 0,
      cr1: 0,
      cr3: 0,
      cr4: 0,
      level: 'NOT_ENOUGH_DATA',
      shares: [],
    });
  });

  it('leaves the companies listed only for comparison out of market cap unless asked for', async () => {
    const comparisonOnly = companies.filter((c) => c.comparisonOnly === true).map((c) => c.id);
    expect(comparisonOnly.sort()).toEqual(['berkshire-hathaway', 'saudi-aramco']);
    const keys = (data: AnswerData) => (data.concentration as { shares: { key: string }[] }).shares.map((s) => s.key);
    const withCap = (list: typeof companies) => list.filter((c) => c.marketCapUsdBn !== undefined);
    const mainstream = companies.filter((c) => !c.comparisonOnly);

    const byDefault = await ok(concentrationQuery, { measure: 'MARKET_CAP' });
    expect(keys(byDefault).sort()).toEqual(
      withCap(mainstream)
        .map((c) => c.id)
        .sort(),
    );
    expect(byDefault.concentration).toMatchObject({
      includeComparisonOnly: false,
      population: mainstream.length,
      withoutValue: mainstream.length - withCap(mainstream).length,
      enoughData: true,
    });
    expect(byDefault.concentration.total).toBeCloseTo(
      withCap(mainstream).reduce((sum, c) => sum + Number(c.marketCapUsdBn), 0),
      6,
    );

    const all = await ok(concentrationQuery, { measure: 'MARKET_CAP', includeComparisonOnly: true });
    expect(keys(all).sort()).toEqual(
      withCap(companies)
        .map((c) => c.id)
        .sort(),
    );
    expect(all.concentration).toMatchObject({
      includeComparisonOnly: true,
      population: companies.length,
      withoutValue: companies.length - withCap(companies).length,
    });
    expect(all.concentration.hhi).not.toBeCloseTo(byDefault.concentration.hhi, 3);
  });

  it('marks the comparison-only companies, citing the report', async () => {
    const data = await ok(`{
      aramco: company(id: "saudi-aramco") { comparisonOnly claims(field: "comparisonOnly") { value source { id } } }
      nvidia: company(id: "nvidia") { comparisonOnly claims(field: "comparisonOnly") { value } }
    }`);
    expect(data).toEqual({
      aramco: { comparisonOnly: true, claims: [{ value: 'true', source: { id: 'eximbank-2023-generative-ai' } }] },
      nvidia: { comparisonOnly: false, claims: [] },
    });
  });

  it("counts distinct adopters of each company's models", async () => {
    const { concentration } = await ok(concentrationQuery, { measure: 'ADOPTERS' });
    const developerOf = new Map(
      models.map((m) => [m.id as string, (m.developers as (string | { id: string })[]).map(refId)]),
    );
    const adopters = new Map<string, Set<string>>();
    for (const company of companies) {
      for (const model of (company.adopts ?? []).map(refId)) {
        for (const developer of developerOf.get(model)!)
          adopters.set(developer, (adopters.get(developer) ?? new Set()).add(company.id));
      }
    }
    expect(
      Object.fromEntries(concentration.shares.map((s: { key: string; value: number }) => [s.key, s.value])),
    ).toEqual(Object.fromEntries([...adopters].map(([developer, set]) => [developer, set.size])));
  });
});

describe('systemicImportance and removalImpact', () => {
  it('counts, for every company, the services, models and companies with it upstream', async () => {
    const { systemicImportance } = await ok(
      '{ systemicImportance(first: 100) { ' +
        'rank company { id } dependentServices dependentModels dependentCompanies betweenness ' +
        'betweennessMethod { exact nodes pivots error failureProbability } } }',
    );
    expect(systemicImportance).toHaveLength(Math.min(100, companies.length));
    // The seed graph is far below the size where betweenness is sampled.
    const nodes = companies.length + models.length + services.length;
    for (const row of systemicImportance)
      expect(row.betweennessMethod).toEqual({ exact: true, nodes, pivots: nodes, error: 0, failureProbability: 0 });
    const kindOf = new Map([
      ...services.map((s) => [s.id, 'S']),
      ...models.map((m) => [m.id, 'M']),
      ...companies.map((c) => [c.id, 'C']),
    ] as [string, string][]);
    for (const row of systemicImportance) {
      const downstream = [...closure(edges, row.company.id, 'downstream').keys()];
      const count = (kind: string) => downstream.filter((id) => kindOf.get(id) === kind).length;
      expect([row.company.id, row.dependentServices, row.dependentModels, row.dependentCompanies]).toEqual([
        row.company.id,
        count('S'),
        count('M'),
        count('C'),
      ]);
      expect(row.betweenness).toBeGreaterThanOrEqual(0);
      expect(row.betweenness).toBeLessThanOrEqual(1);
    }
    const key = (r: { dependentServices: number; dependentModels: number; dependentCompanies: number }) => [
      r.dependentServices,
      r.dependentModels,
      r.dependentCompanies,
    ];
    for (let i = 1; i < systemicImportance.length; i += 1) {
      const [a, b] = [key(systemicImportance[i - 1]), key(systemicImportance[i])];
      const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      expect(cmp).toBeGreaterThanOrEqual(0);
      expect(systemicImportance[i].rank).toBe(cmp === 0 ? systemicImportance[i - 1].rank : i + 1);
    }
    expect(systemicImportance[0].dependentServices).toBeGreaterThan(0);
  });

  it.each(['2020', '2023-02'])(
    'takes the graph as it stood on asOf %s: undated or later models, services and partnerships left out',
    async (asOf) => {
      const { systemicImportance } = await ok(
        `{ systemicImportance(first: 100, asOf: "${asOf}") { ` +
          'company { id } dependentServices dependentModels dependentCompanies } }',
      );
      const existed = (date: unknown) => typeof date === 'string' && onOrBefore(date, asOf);
      const dealDates = new Map(
        seedFile('partnerships.yaml').map((d) => [d.id as string, d.announcedOn as string | undefined]),
      );
      const alive = new Set([
        ...companies.map((c) => c.id as string),
        ...models.filter((m) => existed(m.releasedOn)).map((m) => m.id as string),
        ...services.filter((s) => existed(s.launchedOn)).map((s) => s.id as string),
      ]);
      const then = datedDependencies().filter(
        (e) =>
          alive.has(e.from) &&
          alive.has(e.to) &&
          (e.vias.length === 0 || e.vias.some((via) => existed(dealDates.get(via)))),
      );
      const kindOf = new Map([
        ...services.map((s) => [s.id, 'S']),
        ...models.map((m) => [m.id, 'M']),
        ...companies.map((c) => [c.id, 'C']),
      ] as [string, string][]);
      for (const row of systemicImportance) {
        const downstream = [...closure(then, row.company.id, 'downstream').keys()];
        const count = (kind: string) => downstream.filter((id) => kindOf.get(id) === kind).length;
        expect([row.company.id, row.dependentServices, row.dependentModels, row.dependentCompanies]).toEqual([
          row.company.id,
          count('S'),
          count('M'),
          count('C'),
        ]);
      }
    },
  );

  it('exposes everything downstream and finds the services left with no other model', async () => {
    const { removalImpact } = await ok(
      '{ removalImpact(id: "openai") { removed { id } exposed { id } singleSourcedServices { id } } }',
    );
    const exposed = closure(edges, 'openai', 'downstream');
    expect(removalImpact.removed).toEqual({ id: 'openai' });
    expect(removalImpact.exposed.map((e: { id: string }) => e.id).sort()).toEqual([...exposed.keys()].sort());
    const single = services
      .filter(
        (s) =>
          exposed.has(s.id) &&
          (s.models ?? []).length > 0 &&
          (s.models as (string | { id: string })[]).map(refId).every((m) => m === 'openai' || exposed.has(m)),
      )
      .map((s) => s.id)
      .sort();
    expect(single.length).toBeGreaterThan(0);
    expect(removalImpact.singleSourcedServices.map((s: { id: string }) => s.id).sort()).toEqual(single);
  });
});

describe('removalImpact and uncertain facts', () => {
  /** The seed's dependency edges, without those whose every fact is UNCERTAIN (a step is as firm as its firmest). */
  const firmEdges = datedDependencies().filter(
    (edge) => strongestConfidence(edge.facts.map((fact) => fact.confidence)) !== 'UNCERTAIN',
  );

  it.each(['m6-10t', 'microsoft', 'openai', 'nvidia', 'tsmc'])(
    'names what rests on %s only through UNCERTAIN steps',
    async (id) => {
      const { removalImpact } = await ok(
        'query($id: ID!) { removalImpact(id: $id) { exposed { id } exposedOnlyThroughUncertain { id name } } }',
        { id },
      );
      const firm = closure(firmEdges, id, 'downstream');
      const expected = [...closure(edges, id, 'downstream').keys()].filter((other) => other !== id && !firm.has(other));
      const served = removalImpact.exposedOnlyThroughUncertain.map((e: { id: string }) => e.id);
      expect([...served].sort()).toEqual(expected.sort());
      const exposed = new Set(removalImpact.exposed.map((e: { id: string }) => e.id));
      expect(served.every((other: string) => exposed.has(other))).toBe(true);
      const names = removalImpact.exposedOnlyThroughUncertain.map((e: { name: string }) => e.name);
      expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    },
  );

  it('has Tongyi Qianwen rest on M6-10T only through an UNCERTAIN fact, and OpenAI on Microsoft firmly', async () => {
    const { m6, microsoft } = await ok(`{
      m6: removalImpact(id: "m6-10t") { exposed { id } exposedOnlyThroughUncertain { id } }
      microsoft: removalImpact(id: "microsoft") { exposed { id } exposedOnlyThroughUncertain { id } }
    }`);
    expect(m6.exposed).toContainEqual({ id: 'tongyi-qianwen' });
    expect(m6.exposedOnlyThroughUncertain).toContainEqual({ id: 'tongyi-qianwen' });
    expect(microsoft.exposed).toContainEqual({ id: 'openai' });
    expect(microsoft.exposedOnlyThroughUncertain).not.toContainEqual({ id: 'openai' });
  });
});

describe("what the dashboard's panels ask for", () => {
  it('finds the shortest dependency paths from a service to a foundry, and what rests on NVIDIA', async () => {
    const distance = closure(edges, 'askup', 'upstream').get('tsmc');
    expect(distance).toBeDefined();
    const { dependencyPaths, removalImpact } = await ok(`{
      dependencyPaths(from: "askup", to: "tsmc") { length entities { id kind } steps { relation } }
      removalImpact(id: "nvidia") { exposed { id } }
    }`);
    expect(dependencyPaths.length).toBeGreaterThan(0);
    expect(dependencyPaths[0].length).toBe(distance);
    for (const path of dependencyPaths as { length: number; entities: { id: string; kind: string }[] }[]) {
      expect(path.entities[0]).toEqual({ id: 'askup', kind: 'SERVICE' });
      expect(path.entities.at(-1)).toEqual({ id: 'tsmc', kind: 'COMPANY' });
    }
    expect(removalImpact.exposed.map((e: { id: string }) => e.id).sort()).toEqual(
      [...closure(edges, 'nvidia', 'downstream').keys()].filter((id) => id !== 'nvidia').sort(),
    );
  });

  it("gives a company card the company's partners (with the deal), models and services", async () => {
    const { company } = await ok(`{ company(id: "google") {
      models { id } services { id }
      partnerships { id name parties { role company { id } } }
    } }`);
    const deals = seedFile('partnerships.yaml').filter((d) =>
      (d.parties as { company: string }[]).some((p) => p.company === 'google'),
    );
    expect(deals.length).toBeGreaterThan(0);
    const partners = (list: { parties: { company: { id: string } | string }[] }[]) =>
      [
        ...new Set(
          list.flatMap((d) => d.parties.map((p) => (typeof p.company === 'string' ? p.company : p.company.id))),
        ),
      ]
        .filter((id) => id !== 'google')
        .sort();
    expect(partners(company.partnerships)).toEqual(partners(deals as never));
    expect(company.models.map((m: { id: string }) => m.id).sort()).toEqual(
      models
        .filter((m) => (m.developers as (string | { id: string })[]).map(refId).includes('google'))
        .map((m) => m.id)
        .sort(),
    );
    expect(company.services.map((s: { id: string }) => s.id).sort()).toEqual(
      services
        .filter((s) => (s.providers as (string | { id: string })[]).map(refId).includes('google'))
        .map((s) => s.id)
        .sort(),
    );
  });
});

describe('bad arguments', () => {
  it.each([
    ['maxHops: 0', '{ upstream(of: "askup", maxHops: 0) { root { id } } }'],
    ['maxHops: 9', '{ downstream(of: "openai", maxHops: 9) { root { id } } }'],
    ['maxHops: null', '{ dependencyPaths(from: "askup", to: "openai", maxHops: null) { length } }'],
    ['dependencyPaths first: -1', '{ dependencyPaths(from: "askup", to: "openai", first: -1) { length } }'],
    ['systemicImportance first: -1', '{ systemicImportance(first: -1) { rank } }'],
    ['systemicImportance first: 0', '{ systemicImportance(first: 0) { rank } }'],
    ['an unknown stage', '{ concentration(measure: MODELS, stage: "no-such-stage") { total } }'],
    ['a stage id that is a company', '{ concentration(measure: MODELS, stage: "naver") { total } }'],
    ['asOf: "2023-13" as a literal', '{ concentration(measure: MODELS, asOf: "2023-13") { total } }'],
    [
      'asOf: "2023-13" as a variable',
      'query($asOf: PartialDate) { systemicImportance(asOf: $asOf) { rank } }',
      { asOf: '2023-13' },
    ],
  ])('%s is BAD_USER_INPUT', async (_name: string, query: string, ...variables: Record<string, unknown>[]) => {
    const response = await gql(query, variables[0]);
    expect(response.data ?? null).toBeNull();
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['upstream', '{ upstream(of: "no-such-id") { root { id } } }'],
    ['downstream', '{ downstream(of: "no-such-id") { root { id } } }'],
    ['dependencyPaths', '{ dependencyPaths(from: "askup", to: "no-such-id") { length } }'],
    ['removalImpact', '{ removalImpact(id: "no-such-id") { removed { id } } }'],
  ])('an unknown id in %s is NOT_FOUND and names it', async (_name: string, query: string) => {
    const response = await gql(query);
    expect(codeOf(response)).toBe('NOT_FOUND');
    expect(response.errors![0].message).toContain('no-such-id');
  });
});

describe('cost', () => {
  it('answers each analytic in at most three Cypher statements', async () => {
    for (const query of [
      '{ upstream(of: "askup") { root { id } nodes { entity { id name } } } }',
      '{ upstream(of: "askup") { nodes { entity { id } } steps { confidence sources { id name url } } } }',
      '{ dependencyPaths(from: "askup", to: "microsoft") { entities { id name } } }',
      '{ dependencyPaths(from: "askup", to: "microsoft") { steps { confidence sources { name } } } }',
      '{ concentration(measure: SERVICES, groupBy: BLOC, stage: "model-training") { shares { members { id } } } }',
      '{ systemicImportance { company { id name } } }',
      '{ removalImpact(id: "openai") { exposed { id } singleSourcedServices { id } } }',
    ]) {
      const response = await gql(query);
      expect(response.errors).toBeUndefined();
      expect({ query, statements: response.extensions!.cypher!.statements }).toEqual({
        query,
        statements: expect.any(Number),
      });
      expect(response.extensions!.cypher!.statements).toBeLessThanOrEqual(3);
    }
  });
});

describe('whole-graph results between writes', () => {
  it('answers again from the graph once anything commits, from any client', async () => {
    const query =
      '{ concentration(measure: MODELS) { total } systemicImportance(first: 1) { company { id } dependentModels } }';
    const before = await ok(query);
    expect(await ok(query)).toEqual(before);
    await runner.write(`
      MATCH (c:Company {id: 'naver'}), (s:Source {id: 'eximbank-2023-generative-ai'})
      CREATE (m:Entity:FoundationModel {
        id: 'test-extra-model', name: 'Extra', sourceIds: [s.id], confidence: 'REPORTED'
      })
      CREATE (c)-[:DEVELOPS {sourceIds: [s.id], confidence: 'REPORTED'}]->(m)`);
    try {
      const after = await ok(query);
      expect(after.concentration.total).toBe(before.concentration.total + 1);
    } finally {
      await runner.write("MATCH (m:FoundationModel {id: 'test-extra-model'}) DETACH DELETE m");
    }
    expect(await ok(query)).toEqual(before);
  });
});
