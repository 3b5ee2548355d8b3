import {
  blocsOf,
  concentrationIndex,
  concentrationLevel,
  measureGroups,
  measureMarket,
} from '../src/analytics/concentration';
import type { MarketData } from '../src/analytics/concentration';
import { betweenness } from '../src/analytics/betweenness';
import {
  networkAsOf,
  singleSourcedServices,
  stepsAmong,
  walkDistances,
  systemicRanks,
} from '../src/analytics/dependencyGraph';
import type { DependencyNetwork } from '../src/analytics/dependencyGraph';
import { mergeParallelRelations } from '../src/analytics/mergeParallelRelations';
import { strongestConfidence } from '../src/domain/strongestConfidence';
import { existedOn } from '../src/analytics/partialDate';
import { SnapshotCache } from '../src/analytics/snapshotCache';

const group = (key: string, value: number) => ({ key, label: key, value, members: [key] });

describe('concentrationIndex', () => {
  it('computes HHI and CR-k by hand-checked cases', () => {
    // 50/30/20: HHI = 2500 + 900 + 400 = 3800.
    const index = concentrationIndex([group('b', 30), group('a', 50), group('c', 20)]);
    expect(index.total).toBe(100);
    expect(index.hhi).toBeCloseTo(3800, 9);
    expect(index.cr1).toBeCloseTo(0.5, 12);
    expect(index.cr3).toBeCloseTo(1, 12);
    expect(index.cr4).toBeCloseTo(1, 12);
    expect(index.level).toBe('HIGH');
    expect(index.shares.map((share) => [share.key, share.share])).toEqual([
      ['a', 0.5],
      ['b', 0.3],
      ['c', 0.2],
    ]);
  });

  it('gives ten equal holders an HHI of 1,000 (MODERATE) and CR4 of 0.4', () => {
    const index = concentrationIndex(Array.from({ length: 10 }, (_, i) => group(`g${i}`, 7)));
    expect(index.hhi).toBeCloseTo(1000, 9);
    expect(index.cr1).toBeCloseTo(0.1, 12);
    expect(index.cr4).toBeCloseTo(0.4, 12);
    expect(index.level).toBe('MODERATE');
  });

  it('gives one holder 10,000 but not enough data for a level, and splits fractional values exactly', () => {
    expect(concentrationIndex([group('only', 2.5)])).toMatchObject({
      population: 1,
      withoutValue: 0,
      enoughData: false,
      total: 2.5,
      hhi: 10000,
      cr1: 1,
      cr3: 1,
      cr4: 1,
      level: 'NOT_ENOUGH_DATA',
    });
    // One holder among five participants (the other four without a value) is still not a market.
    expect(concentrationIndex([group('only', 2.5)], { population: 5, withoutValue: 4 })).toMatchObject({
      population: 5,
      withoutValue: 4,
      enoughData: false,
      level: 'NOT_ENOUGH_DATA',
    });
    expect(concentrationIndex([group('a', 3), group('b', 1)], { population: 5, withoutValue: 3 })).toMatchObject({
      enoughData: true,
      hhi: 6250,
      level: 'HIGH',
    });
    // 1.5 / 1 / 0.5 of 3: shares 50, 33.3.., 16.6..: HHI = 2500 + 1111.1.. + 277.7.. = 3888.8..
    expect(concentrationIndex([group('x', 1.5), group('y', 1), group('z', 0.5)]).hhi).toBeCloseTo(3888.888889, 5);
  });

  it('answers an empty population with zeros and NOT_ENOUGH_DATA, and leaves zero-valued groups out', () => {
    expect(concentrationIndex([])).toEqual({
      population: 0,
      withoutValue: 0,
      enoughData: false,
      total: 0,
      hhi: 0,
      cr1: 0,
      cr3: 0,
      cr4: 0,
      level: 'NOT_ENOUGH_DATA',
      shares: [],
    });
    expect(concentrationIndex([group('a', 0), group('b', 4)])).toMatchObject({
      population: 2,
      withoutValue: 1,
      enoughData: false,
    });
    expect(concentrationIndex([group('a', 0), group('b', 4)]).shares.map((share) => share.key)).toEqual(['b']);
  });

  it('orders equal values by key and refuses negative values', () => {
    expect(concentrationIndex([group('b', 1), group('a', 1)]).shares.map((share) => share.key)).toEqual(['a', 'b']);
    expect(() => concentrationIndex([group('a', -1)])).toThrow(RangeError);
  });

  it.each([
    [999.99, 'UNCONCENTRATED'],
    [1000, 'MODERATE'],
    [1800, 'MODERATE'],
    [1800.01, 'HIGH'],
  ])('calls an HHI of %d %s', (hhi, level) => {
    expect(concentrationLevel(hhi)).toBe(level);
  });
});

describe('measureGroups', () => {
  const data: MarketData = {
    companies: [
      { id: 'ms', name: 'Microsoft', country: 'US', marketCapUsdBn: 2000 },
      { id: 'oa', name: 'OpenAI', country: 'US', marketCapUsdBn: null },
      { id: 'goog', name: 'Google', country: 'US', marketCapUsdBn: 1500 },
      { id: 'naver', name: 'Naver', country: 'KR', marketCapUsdBn: 30 },
      { id: 'lab', name: 'Lab', country: null, marketCapUsdBn: null },
    ],
    participants: null,
    models: [
      { id: 'gpt3', releasedOn: '2020-06', developers: ['oa'] },
      { id: 'gpt4', releasedOn: '2023-03', developers: ['oa'] },
      { id: 'palm', releasedOn: '2022-04', developers: ['goog'] },
      { id: 'joint', releasedOn: '2022', developers: ['goog', 'naver'] },
      { id: 'hcx', releasedOn: null, developers: ['naver'] },
      { id: 'tiny', releasedOn: '2021', developers: ['lab'] },
    ],
    services: [
      { id: 'chat', launchedOn: '2022-11', models: ['gpt3', 'gpt4'] },
      { id: 'bing', launchedOn: '2023-02', models: ['gpt4', 'palm'] },
      { id: 'bard', launchedOn: '2023-03', models: ['palm'] },
      { id: 'clova', launchedOn: null, models: ['hcx'] },
    ],
    adoptions: [
      { company: 'ms', model: 'gpt4' },
      { company: 'naver', model: 'gpt4' },
      { company: 'ms', model: 'gpt3' },
      { company: 'lab', model: 'palm' },
    ],
    partnerships: [
      { id: 'inv', kind: 'INVESTMENT', announcedOn: '2023-01', parties: ['ms', 'oa'] },
      { id: 'collab', kind: 'COLLABORATION', announcedOn: '2021', parties: ['goog', 'naver'] },
      { id: 'lic', kind: 'LICENSING', announcedOn: null, parties: ['lab', 'goog'] },
    ],
  };
  const values = (groups: ReturnType<typeof measureGroups>) => Object.fromEntries(groups.map((g) => [g.key, g.value]));

  it('splits a co-developed model equally and counts undated models only without asOf', () => {
    expect(values(measureGroups(data, { measure: 'MODELS', groupBy: 'COMPANY' }))).toEqual({
      oa: 2,
      goog: 1.5,
      naver: 1.5,
      lab: 1,
    });
    expect(values(measureGroups(data, { measure: 'MODELS', groupBy: 'COMPANY', asOf: '2021' }))).toEqual({
      oa: 1,
      lab: 1,
    });
  });

  it('counts each service once per group it depends on', () => {
    expect(values(measureGroups(data, { measure: 'SERVICES', groupBy: 'COMPANY' }))).toEqual({
      oa: 2,
      goog: 2,
      naver: 1,
    });
    // Both US developers reach bing; the US counts it once.
    expect(values(measureGroups(data, { measure: 'SERVICES', groupBy: 'COUNTRY' }))).toEqual({ US: 3, KR: 1 });
    expect(values(measureGroups(data, { measure: 'SERVICES', groupBy: 'COMPANY', asOf: '2023-02-15' }))).toEqual({
      oa: 1,
      goog: 1,
    });
  });

  it('counts distinct adopters of the group models', () => {
    expect(values(measureGroups(data, { measure: 'ADOPTERS', groupBy: 'COMPANY' }))).toEqual({ oa: 2, goog: 1 });
  });

  it('merges INVESTMENT, ACQUISITION and LICENSING parties into blocs keyed by their largest member', () => {
    const groups = measureGroups(data, { measure: 'MARKET_CAP', groupBy: 'BLOC' });
    // A bloc names all its companies, OpenAI too though it has no market cap.
    expect(groups.find((g) => g.key === 'ms')).toMatchObject({
      value: 2000,
      members: ['ms', 'oa'],
      label: 'Microsoft + OpenAI',
    });
    const models = measureGroups(data, { measure: 'MODELS', groupBy: 'BLOC' });
    // Google and Lab are tied by an (undated) licence; Naver only collaborates.
    expect(values(models)).toEqual({ oa: 2, goog: 2.5, naver: 1.5 });
    expect(models.find((g) => g.key === 'goog')).toMatchObject({ members: ['goog', 'lab'], label: 'Google + Lab' });
    // Under asOf, the undated licence does not tie them yet.
    expect(values(measureGroups(data, { measure: 'MODELS', groupBy: 'BLOC', asOf: '2023-06' }))).toEqual({
      oa: 2,
      goog: 1.5,
      naver: 0.5,
      lab: 1,
    });
  });

  it('restricts the population to the stage participants', () => {
    const groups = measureGroups(
      { ...data, participants: ['goog', 'lab', 'nobody'] },
      { measure: 'MODELS', groupBy: 'COMPANY' },
    );
    expect(values(groups)).toEqual({ goog: 1.5, lab: 1 });
    expect(measureGroups({ ...data, participants: [] }, { measure: 'MODELS', groupBy: 'COMPANY' })).toEqual([]);
  });

  it('counts the population and those of it without a value, with or without a stage', () => {
    const coverage = (market: MarketData, question: Parameters<typeof measureMarket>[1]) => {
      const { population, withoutValue } = measureMarket(market, question);
      return { population, withoutValue };
    };
    // OpenAI and Lab have no market cap.
    expect(coverage(data, { measure: 'MARKET_CAP', groupBy: 'COMPANY' })).toEqual({ population: 5, withoutValue: 2 });
    expect(coverage(data, { measure: 'MODELS', groupBy: 'COMPANY' })).toEqual({ population: 5, withoutValue: 1 });
    expect(
      coverage({ ...data, participants: ['oa', 'lab', 'naver'] }, { measure: 'MARKET_CAP', groupBy: 'BLOC' }),
    ).toEqual({ population: 3, withoutValue: 2 });
    expect(coverage({ ...data, participants: [] }, { measure: 'MODELS', groupBy: 'COMPANY' })).toEqual({
      population: 0,
      withoutValue: 0,
    });
    // Without a stage, companyCounts gives the whole graph: 40 more companies that hold nothing, an aggregate
    // that counts only by country.
    const counted: MarketData = {
      ...data,
      companyCounts: [
        { aggregate: null, comparisonOnly: false, count: 45 },
        { aggregate: 'COUNTRY', comparisonOnly: false, count: 1 },
      ],
    };
    expect(coverage(counted, { measure: 'MARKET_CAP', groupBy: 'COMPANY' })).toEqual({
      population: 45,
      withoutValue: 42,
    });
    expect(coverage(counted, { measure: 'MARKET_CAP', groupBy: 'COUNTRY' })).toEqual({
      population: 46,
      withoutValue: 43,
    });
  });

  it('leaves comparison-only companies out of market cap unless asked for or in the stage asked about', () => {
    const market: MarketData = {
      ...data,
      companies: [
        ...data.companies,
        { id: 'oil', name: 'Oil', country: 'SA', marketCapUsdBn: 2100, comparisonOnly: true },
      ],
      companyCounts: [
        { aggregate: null, comparisonOnly: false, count: 5 },
        { aggregate: null, comparisonOnly: true, count: 1 },
      ],
    };
    const cap = (question: Partial<Parameters<typeof measureMarket>[1]>, participants: string[] | null = null) =>
      measureMarket({ ...market, participants }, { measure: 'MARKET_CAP', groupBy: 'COMPANY', ...question });
    expect(cap({})).toMatchObject({ population: 5, withoutValue: 2 });
    expect(values(cap({}).groups)).toEqual({ ms: 2000, goog: 1500, naver: 30 });
    expect(cap({ includeComparisonOnly: true })).toMatchObject({ population: 6, withoutValue: 2 });
    expect(values(cap({ includeComparisonOnly: true }).groups)).toMatchObject({ oil: 2100 });
    expect(values(cap({}, ['oil', 'ms']).groups)).toEqual({ oil: 2100, ms: 2000 });
    // Only market cap leaves them out: in every other measure they count as any company.
    expect(measureMarket(market, { measure: 'MODELS', groupBy: 'COMPANY' })).toMatchObject({ population: 6 });
  });

  it('names countries and groups companies without one as unknown', () => {
    const groups = measureGroups(data, {
      measure: 'MODELS',
      groupBy: 'COUNTRY',
      countryName: (code) => `country ${code}`,
    });
    expect(groups.map((g) => [g.key, g.label, g.value, g.members])).toEqual(
      expect.arrayContaining([
        ['US', 'country US', 3.5, ['oa', 'goog']],
        ['unknown', 'Unknown country', 1, ['lab']],
      ]),
    );
  });
});

describe('measureGroups: TRAINING_COMPUTE', () => {
  const data: MarketData = {
    companies: [
      { id: 'goog', name: 'Google', country: 'US', marketCapUsdBn: 1500 },
      { id: 'dm', name: 'DeepMind', country: 'GB', marketCapUsdBn: null },
      { id: 'oa', name: 'OpenAI', country: 'US', marketCapUsdBn: null },
      { id: 'ms', name: 'Microsoft', country: 'US', marketCapUsdBn: 2000 },
    ],
    participants: null,
    models: [
      { id: 'gemini', releasedOn: '2023-12', trainingComputeFlop: 5e25, developers: ['goog', 'dm'] },
      { id: 'chinchilla', releasedOn: '2022-03', trainingComputeFlop: 5.76e23, developers: ['dm'] },
      { id: 'gpt4', releasedOn: '2023-03', trainingComputeFlop: 2.1e25, developers: ['oa'] },
      { id: 'secret', releasedOn: '2023-06', trainingComputeFlop: null, developers: ['ms'] },
    ],
    services: [],
    adoptions: [],
    partnerships: [{ id: 'inv', kind: 'INVESTMENT', announcedOn: '2023-01', parties: ['ms', 'oa'] }],
    ownerships: [{ company: 'dm', parent: 'goog' }],
  };
  const values = (groups: ReturnType<typeof measureGroups>) => Object.fromEntries(groups.map((g) => [g.key, g.value]));

  it('splits a co-developed model’s compute equally, and counts a model of unknown compute zero', () => {
    expect(values(measureGroups(data, { measure: 'TRAINING_COMPUTE', groupBy: 'COMPANY' }))).toEqual({
      goog: 2.5e25,
      dm: 2.5e25 + 5.76e23,
      oa: 2.1e25,
    });
    expect(values(measureGroups(data, { measure: 'TRAINING_COMPUTE', groupBy: 'COUNTRY' }))).toEqual({
      US: 2.5e25 + 2.1e25,
      GB: 2.5e25 + 5.76e23,
    });
    expect(values(measureGroups(data, { measure: 'TRAINING_COMPUTE', groupBy: 'COMPANY', asOf: '2023-03' }))).toEqual({
      dm: 5.76e23,
      oa: 2.1e25,
    });
  });

  it('merges a subsidiary with its parent in a bloc, for every measure', () => {
    const blocs = measureGroups(data, { measure: 'TRAINING_COMPUTE', groupBy: 'BLOC' });
    expect(blocs.map((bloc) => [bloc.key, bloc.members])).toEqual([
      ['dm', ['dm', 'goog']],
      ['oa', ['oa', 'ms']],
    ]);
    expect(blocs[0].value / (5e25 + 5.76e23)).toBeCloseTo(1, 12);
    // DeepMind holds 1.5 models and Google 0.5; Microsoft and OpenAI one each (the tie names the bloc by name).
    expect(values(measureGroups(data, { measure: 'MODELS', groupBy: 'BLOC' }))).toEqual({ dm: 2, ms: 2 });
  });
});

describe('blocsOf', () => {
  it('joins ties transitively and ignores parties it does not know', () => {
    const blocs = blocsOf(
      ['a', 'b', 'c', 'd'],
      [
        { id: '1', kind: 'INVESTMENT', announcedOn: null, parties: ['a', 'b'] },
        { id: '2', kind: 'ACQUISITION', announcedOn: null, parties: ['c', 'b', 'ghost'] },
        { id: '3', kind: 'SUPPLY', announcedOn: null, parties: ['c', 'd'] },
      ],
    );
    expect(new Set([blocs.get('a'), blocs.get('b'), blocs.get('c')]).size).toBe(1);
    expect(blocs.get('d')).not.toBe(blocs.get('a'));
  });

  it('joins a subsidiary to its parent whatever the date', () => {
    const blocs = blocsOf(['sub', 'parent', 'other'], [], '2000', [{ company: 'sub', parent: 'parent' }]);
    expect(blocs.get('sub')).toBe(blocs.get('parent'));
    expect(blocs.get('other')).toBe('other');
  });
});

describe('betweenness', () => {
  const successors = (n: number, edges: [number, number][]) => {
    const out: number[][] = Array.from({ length: n }, () => []);
    for (const [from, to] of edges) out[from].push(to);
    return out;
  };
  const values = (n: number, edges: [number, number][]) => [...betweenness(successors(n, edges))];

  it('gives the middle of a directed path 0.5', () => {
    // a -> b -> c: b is on the one path a..c; normalised by (3-1)(3-2) = 2.
    expect(
      values(3, [
        [0, 1],
        [1, 2],
      ]),
    ).toEqual([0, 0.5, 0]);
  });

  it('splits between two equally short routes', () => {
    // Diamond a -> b, a -> c, b -> d, c -> d: b and c each carry half of a..d; divided by (4-1)(4-2) = 6.
    const [a, b, c, d] = values(4, [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ]);
    expect([a, d]).toEqual([0, 0]);
    expect(b).toBeCloseTo(1 / 12, 12);
    expect(c).toBeCloseTo(1 / 12, 12);
  });

  it('scores the hub of a directed star and every node of a cycle', () => {
    // a, b -> hub -> d, e: four pairs through the hub, divided by (5-1)(5-2) = 12.
    expect(
      values(5, [
        [0, 2],
        [1, 2],
        [2, 3],
        [2, 4],
      ])[2],
    ).toBeCloseTo(1 / 3, 12);
    // a -> b -> c -> a: each node is inside exactly one pair's path, divided by 2.
    expect(
      values(3, [
        [0, 1],
        [1, 2],
        [2, 0],
      ]),
    ).toEqual([0.5, 0.5, 0.5]);
  });

  it('gives 0 on graphs of two nodes or fewer', () => {
    expect(values(2, [[0, 1]])).toEqual([0, 0]);
    expect(values(0, [])).toEqual([]);
  });
});

describe('systemicRanks and networkAsOf', () => {
  const network: DependencyNetwork = {
    nodes: [
      { id: 'svc1', kind: 'SERVICE', date: '2022' },
      { id: 'svc2', kind: 'SERVICE', date: null },
      { id: 'm1', kind: 'FOUNDATION_MODEL', date: '2020' },
      { id: 'dev', kind: 'COMPANY', date: null },
      { id: 'inv', kind: 'COMPANY', date: null },
      { id: 'chip', kind: 'COMPANY', date: null },
      { id: 'other', kind: 'COMPANY', date: null },
      { id: 'twin', kind: 'COMPANY', date: null },
    ],
    edges: [
      { from: 'svc1', to: 'm1', dealt: false, since: null },
      { from: 'svc2', to: 'm1', dealt: false, since: null },
      { from: 'svc2', to: 'other', dealt: false, since: null },
      { from: 'svc1', to: 'twin', dealt: false, since: null },
      { from: 'm1', to: 'dev', dealt: false, since: null },
      { from: 'dev', to: 'inv', dealt: true, since: '2023-01' },
      { from: 'dev', to: 'inv', dealt: true, since: null },
      { from: 'inv', to: 'chip', dealt: true, since: '2019' },
    ],
  };

  it('ranks companies by dependent services, then models, then companies, with shared ranks for ties', () => {
    const { scores: ranks, method } = systemicRanks(network);
    expect(ranks.map((r) => [r.id, r.rank, r.dependentServices, r.dependentModels, r.dependentCompanies])).toEqual([
      ['chip', 1, 2, 1, 2],
      ['inv', 2, 2, 1, 1],
      ['dev', 3, 2, 1, 0],
      ['other', 4, 1, 0, 0],
      ['twin', 4, 1, 0, 0],
    ]);
    expect(method).toEqual({ exact: true, nodes: 8, pivots: 8, error: 0, failureProbability: 0 });
  });

  it('computes betweenness over the simple directed graph (parallel relations count once)', () => {
    const byId = Object.fromEntries(systemicRanks(network).scores.map((r) => [r.id, r.betweenness]));
    // n = 8, scale 1/42. dev lies on svc1, svc2, m1 -> inv and -> chip: 6 pairs; inv on svc1, svc2, m1, dev -> chip: 4.
    expect(byId.dev).toBeCloseTo(6 / 42, 12);
    expect(byId.inv).toBeCloseTo(4 / 42, 12);
    expect(byId.chip).toBe(0);
  });

  it('drops what did not exist on the date: undated models and services, later or undated partnerships', () => {
    const then = networkAsOf(network, '2022-06');
    expect(then.nodes.map((n) => n.id)).toEqual(['svc1', 'm1', 'dev', 'inv', 'chip', 'other', 'twin']);
    expect(then.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['svc1>m1', 'svc1>twin', 'm1>dev', 'inv>chip']);
    expect(networkAsOf(network, null)).toBe(network);
    const ranks = systemicRanks(then).scores;
    expect(ranks.find((r) => r.id === 'dev')).toMatchObject({ rank: 1, dependentServices: 1, dependentModels: 1 });
    expect(ranks.find((r) => r.id === 'inv')).toMatchObject({
      dependentServices: 0,
      dependentModels: 0,
      dependentCompanies: 0,
    });
    expect(ranks.find((r) => r.id === 'chip')).toMatchObject({ dependentModels: 0, dependentCompanies: 1 });
  });
});

describe('stepsAmong and singleSourcedServices', () => {
  it('keeps distinct steps with both ends in the set', () => {
    const steps = stepsAmong(new Set(['a', 'b', 'c']), [
      { from: 'b', to: 'c', relation: 'X' },
      { from: 'a', to: 'b', relation: 'Y' },
      { from: 'a', to: 'b', relation: 'Y' },
      { from: 'a', to: 'z', relation: 'Y' },
    ]);
    expect(steps).toEqual([
      { from: 'a', to: 'b', relation: 'Y' },
      { from: 'b', to: 'c', relation: 'X' },
    ]);
  });

  it('finds services whose every model is the removed entity or depends on it', () => {
    const exposed = new Set(['s1', 's2', 's3', 'm1', 'm2']);
    const models = new Map([
      ['s1', ['m1', 'm2']],
      ['s2', ['m1', 'free']],
      ['s3', []],
      ['s4', ['m1']],
      ['s5', ['root']],
    ]);
    expect(singleSourcedServices('root', exposed, models)).toEqual(['s1']);
    expect(singleSourcedServices('root', new Set([...exposed, 's5']), models)).toEqual(['s1', 's5']);
  });
});

describe('strongestConfidence and mergeParallelRelations', () => {
  it('takes the strongest confidence given, and UNCERTAIN when none is', () => {
    expect(strongestConfidence(['UNCERTAIN', 'CONFIRMED', 'REPORTED'])).toBe('CONFIRMED');
    expect(strongestConfidence(['UNCERTAIN', null, 'REPORTED'])).toBe('REPORTED');
    expect(strongestConfidence(['UNCERTAIN'])).toBe('UNCERTAIN');
    expect(strongestConfidence([null, undefined])).toBe('UNCERTAIN');
    expect(strongestConfidence([])).toBe('UNCERTAIN');
  });

  it('merges parallel relations: each once in rank order, the strongest confidence, every source once', () => {
    const rank = (relation: string) => ['INVESTED_BY', 'HOSTED_BY', 'OWNED_BY'].indexOf(relation);
    const owned = { relation: 'OWNED_BY', confidence: 'UNCERTAIN', sourceIds: ['report'] };
    const invested = { relation: 'INVESTED_BY', confidence: 'REPORTED', sourceIds: ['report', 'press'] };
    const hosted = { relation: 'HOSTED_BY', confidence: 'CONFIRMED', sourceIds: ['release'] };
    // A relation comes once per path through it: the same route found twice repeats it.
    expect(mergeParallelRelations([owned, invested, owned, hosted, invested], rank)).toEqual({
      relations: ['INVESTED_BY', 'HOSTED_BY', 'OWNED_BY'],
      confidence: 'CONFIRMED',
      sourceIds: ['report', 'press', 'release'],
    });
    expect(mergeParallelRelations([owned, invested], rank)).toEqual({
      relations: ['INVESTED_BY', 'OWNED_BY'],
      confidence: 'REPORTED',
      sourceIds: ['report', 'press'],
    });
    expect(mergeParallelRelations([owned], rank)).toEqual({
      relations: ['OWNED_BY'],
      confidence: 'UNCERTAIN',
      sourceIds: ['report'],
    });
    expect(mergeParallelRelations([{ relation: 'BUILT_ON', confidence: null, sourceIds: null }], rank)).toEqual({
      relations: ['BUILT_ON'],
      confidence: 'UNCERTAIN',
      sourceIds: [],
    });
  });
});

describe('existedOn', () => {
  it('keeps everything without a date bound, and nothing undated with one', () => {
    expect(existedOn(null, null)).toBe(true);
    expect(existedOn(undefined, '2023')).toBe(false);
    expect(existedOn('2022-12', '2023')).toBe(true);
    expect(existedOn('2023-02', '2023-01')).toBe(false);
  });
});

describe('SnapshotCache', () => {
  it('reuses a result while the version holds, and recomputes when it moves', async () => {
    const cache = new SnapshotCache(4);
    let computed = 0;
    const compute = async () => (computed += 1);
    expect(await cache.remember('v1', 'a', compute)).toBe(1);
    expect(await cache.remember('v1', 'a', compute)).toBe(1);
    expect(await cache.remember('v1', 'b', compute)).toBe(2);
    expect(await cache.remember('v2', 'a', compute)).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('forgets failures, keeps at most its capacity, and keeps nothing at capacity 0', async () => {
    const cache = new SnapshotCache(2);
    await expect(cache.remember('v', 'bad', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.remember('v', 'bad', async () => 'fine')).toBe('fine');
    await cache.remember('v', 'x', async () => 1);
    await cache.remember('v', 'y', async () => 2);
    expect(cache.size).toBe(2);
    expect(await cache.remember('v', 'bad', async () => 'again')).toBe('again');
    const off = new SnapshotCache(0);
    let calls = 0;
    await off.remember('v', 'k', async () => (calls += 1));
    await off.remember('v', 'k', async () => (calls += 1));
    expect([calls, off.size]).toEqual([2, 0]);
  });
});

describe('walkDistances', () => {
  // a -> b -> c -> d, a -> c, e -> c, and x outside the walk (b depends on it).
  const reached = new Map<string, string[]>([
    ['a', ['b', 'c']],
    ['b', ['c', 'x']],
    ['c', ['d']],
    ['d', []],
  ]);

  it('gives the fewest steps upstream, following the dependencies', () => {
    expect(walkDistances('a', reached, 'upstream')).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 1],
        ['d', 2],
      ]),
    );
  });

  it('gives the fewest steps downstream, following them backwards, only through entities reached', () => {
    const dependents = new Map<string, string[]>([
      ['d', []],
      ['c', ['d']],
      ['b', ['c']],
      ['a', ['b', 'c']],
      ['e', ['c', 'x']],
    ]);
    expect(walkDistances('d', dependents, 'downstream')).toEqual(
      new Map([
        ['d', 0],
        ['c', 1],
        ['b', 2],
        ['a', 2],
        ['e', 2],
      ]),
    );
  });
});
