import {
  betweenness,
  betweennessOf,
  idHash,
  pivotsFor,
  pivotsOf,
  EXACT_BETWEENNESS_MAX_NODES,
} from '../src/analytics/betweenness';
import {
  compactRankGraph,
  KIND_INDEX,
  networkAsOf,
  rankGraph,
  reachingCounts,
  stronglyConnected,
  systemicRanks,
  systemicRanksOf,
  type CompactDependencies,
  type DependencyNetwork,
  type DependencyNodeKind,
} from '../src/analytics/dependencyGraph';
import { randomStream } from '../src/synthetic/randomStream';

/** A seeded stream of numbers in [0, 1), so every run draws the same graphs. */
const random = (seed: number) => randomStream(seed, 0);

/** A random directed graph of n nodes, each edge present with probability p, as distinct successors. */
function randomGraph(n: number, p: number, seed: number): number[][] {
  const next = random(seed);
  return Array.from({ length: n }, (_, v) =>
    Array.from({ length: n }, (_, w) => w).filter((w) => w !== v && next() < p),
  );
}

/** Breadth-first distances and shortest-path counts from one node. */
function searchFrom(successors: number[][], source: number): { distance: number[]; paths: number[] } {
  const distance = successors.map(() => -1);
  const paths = successors.map(() => 0);
  distance[source] = 0;
  paths[source] = 1;
  const queue = [source];
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head];
    for (const w of successors[v]) {
      if (distance[w] < 0) {
        distance[w] = distance[v] + 1;
        queue.push(w);
      }
      if (distance[w] === distance[v] + 1) paths[w] += paths[v];
    }
  }
  return { distance, paths };
}

/**
 * Betweenness by its definition: for every ordered pair s, t and every other v, the share of shortest s-t paths
 * through v (those with d(s,v) + d(v,t) = d(s,t), sigma(s,v) sigma(v,t) of them), divided by (n-1)(n-2).
 */
function bruteForce(successors: number[][]): number[] {
  const n = successors.length;
  const all = successors.map((_, s) => searchFrom(successors, s));
  const scores = successors.map(() => 0);
  for (let s = 0; s < n; s += 1)
    for (let t = 0; t < n; t += 1) {
      if (s === t || all[s].distance[t] < 0) continue;
      for (let v = 0; v < n; v += 1) {
        if (v === s || v === t || all[s].distance[v] < 0 || all[v].distance[t] < 0) continue;
        if (all[s].distance[v] + all[v].distance[t] !== all[s].distance[t]) continue;
        scores[v] += (all[s].paths[v] * all[v].paths[t]) / all[s].paths[t];
      }
    }
  return scores.map((score) => (n > 2 ? score / ((n - 1) * (n - 2)) : 0));
}

/** For each node, how many other nodes reach it, by brute force. */
function reachingByBruteForce(successors: number[][]): number[] {
  const counts = successors.map(() => 0);
  successors.forEach((_, s) =>
    searchFrom(successors, s).distance.forEach((d, v) => {
      if (d > 0) counts[v] += 1;
    }),
  );
  return counts;
}

/**
 * A graph shaped like a value chain, big enough to be sampled: `left` nodes each depend on two of `hubs` middle
 * nodes (plus sparse random edges among the left nodes), every hub on one core node, and the core on each of `right`
 * nodes. The core and the hubs carry most shortest paths, so their scores are large and a wrong estimator shows.
 */
function chainGraph(left: number, hubs: number, right: number, seed: number): number[][] {
  const next = random(seed);
  const pick = (from: number, count: number) => from + Math.floor(next() * count);
  const core = left + hubs;
  const successors: Set<number>[] = Array.from({ length: core + 1 + right }, () => new Set());
  for (let v = 0; v < left; v += 1) {
    successors[v].add(pick(left, hubs));
    successors[v].add(pick(left, hubs));
    if (next() < 0.3) successors[v].add(pick(0, left));
    successors[v].delete(v);
  }
  for (let h = left; h < core; h += 1) successors[h].add(core);
  for (let r = core + 1; r <= core + right; r += 1) successors[core].add(r);
  return successors.map((set) => [...set]);
}

describe('betweenness', () => {
  it.each([
    [8, 0.3, 1],
    [12, 0.2, 2],
    [20, 0.15, 3],
    [25, 0.1, 4],
  ])('equals the definition on a random graph of %i nodes (edge probability %f, seed %i)', (n, p, seed) => {
    const graph = randomGraph(n, p, seed);
    const expected = bruteForce(graph);
    const scores = [...betweenness(graph)];
    expect(Math.max(...expected)).toBeGreaterThan(0);
    scores.forEach((score, v) => expect(score).toBeCloseTo(expected[v], 12));
  });

  it('is exact, and says so, up to the size limit', () => {
    const graph = randomGraph(20, 0.15, 5);
    const ids = graph.map((_, v) => `n${v}`);
    const { scores, method } = betweennessOf(ids, graph);
    expect(method).toEqual({ exact: true, nodes: 20, pivots: 20, error: 0, failureProbability: 0 });
    expect([...scores]).toEqual([...betweenness(graph)]);
    expect(EXACT_BETWEENNESS_MAX_NODES).toBe(30_000);
  });

  it('asks for (n/(n-1))^2 ln(2n/d) / (2 e^2) pivots: 3,108 for 280,000 nodes at e = 0.05, d = 0.1', () => {
    expect(pivotsFor(280_000, 0.05, 0.1)).toBe(3108);
    expect(pivotsFor(100, 0.05, 0.1)).toBe(100);
    expect(pivotsFor(2, 0.05, 0.1)).toBe(2);
  });

  it('picks the pivots with the lowest id hashes, whatever the order of the nodes', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `company-${i}`);
    const pivots = pivotsOf(ids, 5).map((position) => ids[position]);
    const byHash = [...ids].sort((a, b) => idHash(a) - idHash(b)).slice(0, 5);
    expect(pivots).toEqual(byHash);
    const reversed = [...ids].reverse();
    expect(pivotsOf(reversed, 5).map((position) => reversed[position])).toEqual(byHash);
  });

  it('estimates every score within the bound from sampled pivots on a mid-sized graph, and says so', () => {
    const graph = chainGraph(1200, 6, 300, 7);
    const ids = graph.map((_, v) => `node-${v}`);
    const exact = betweenness(graph);
    const error = 0.1;
    const { scores, method } = betweennessOf(ids, graph, { exactMaxNodes: 1000, error, failureProbability: 0.1 });
    const pivots = pivotsFor(graph.length, error, 0.1);
    expect(pivots).toBeLessThan(graph.length / 2);
    expect(method).toEqual({ exact: false, nodes: graph.length, pivots, error, failureProbability: 0.1 });
    // The hubs carry a large share of all pairs, so a badly scaled estimate would miss by far more than the bound.
    expect(Math.max(...exact)).toBeGreaterThan(0.1);
    let worst = 0;
    exact.forEach((value, v) => (worst = Math.max(worst, Math.abs(scores[v] - value))));
    expect(worst).toBeLessThan(error);
    // Sampling keeps the order of the hubs that matter most here.
    const top = (values: ArrayLike<number>) =>
      Array.from(values, (value, v) => [value, v])
        .sort((a, b) => b[0] - a[0])
        .slice(0, 1)
        .map(([, v]) => v);
    expect(top(scores)).toEqual(top(exact));
  });
});

describe('reachingCounts', () => {
  it.each([
    [10, 0.2, 11],
    [30, 0.06, 12],
    [40, 0.04, 13],
  ])('counts what reaches each node on a random graph with cycles (%i nodes, p %f, seed %i)', (n, p, seed) => {
    const graph = randomGraph(n, p, seed);
    expect(stronglyConnected(graph).components).toBeLessThan(n);
    const kinds = graph.map(() => 0);
    const { counts } = reachingCounts(
      graph,
      kinds,
      1,
      graph.map(() => true),
    );
    expect([...counts]).toEqual(reachingByBruteForce(graph));
  });

  it('counts by kind, only for the nodes asked for, and numbers components so edges go downward', () => {
    // 0 -> 1 -> 2 -> 1 (1 and 2 a cycle), 3 -> 2; kinds 0, 1, 1, 0.
    const graph = [[1], [2], [1], [2]];
    const { component } = stronglyConnected(graph);
    expect(component[1]).toBe(component[2]);
    graph.forEach((next, v) => next.forEach((w) => expect(component[v]).toBeGreaterThanOrEqual(component[w])));
    const { counts, done } = reachingCounts(graph, [0, 1, 1, 0], 2, [false, true, false, true]);
    expect([...done]).toEqual([0, 1, 0, 1]);
    // Node 1 is reached by 0 (kind 0), 2 and 3 (kinds 1, 0): two of kind 0, one of kind 1. Node 2 is not counted.
    expect([...counts]).toEqual([0, 0, 2, 1, 0, 0, 0, 0]);
  });
});

describe('systemicRanks on a sampled graph', () => {
  it.each([
    [1, 21],
    [5, 22],
    [20, 23],
  ])(
    'gives the same first %i ranks when it counts only the companies that may be among them (seed %i)',
    (first, seed) => {
      // Services 0..199 depend on models 200..259 and companies; models on companies 260..399; companies on companies.
      const next = random(seed);
      const pick = (from: number, count: number) => from + Math.floor(next() * count);
      const successors: Set<number>[] = Array.from({ length: 400 }, () => new Set());
      for (let v = 0; v < 200; v += 1)
        [pick(200, 60), pick(200, 60), pick(260, 140)].forEach((w) => successors[v].add(w));
      for (let v = 200; v < 260; v += 1) successors[v].add(pick(260, 140));
      for (let v = 260; v < 400; v += 1) if (next() < 0.5) successors[v].add(pick(260, 140));
      for (let v = 260; v < 400; v += 1) successors[v].delete(v);
      const kindOf = (v: number): DependencyNodeKind =>
        v < 200 ? 'SERVICE' : v < 260 ? 'FOUNDATION_MODEL' : 'COMPANY';
      const network = {
        nodes: successors.map((_, v) => ({ id: `n${v}`, kind: kindOf(v), date: null })),
        edges: successors.flatMap((set, v) =>
          [...set].map((w) => ({ from: `n${v}`, to: `n${w}`, dealt: false, since: null })),
        ),
      };
      const all = systemicRanks(network).scores;
      const top = systemicRanks(network, { first }).scores;
      expect(top).toEqual(all.slice(0, first));
      expect(all[first].dependentServices).toBeGreaterThan(0);
      // And it did skip some: fewer companies were counted than there are.
      const graph = rankGraph(network);
      const { done } = reachingCounts(
        graph.successors,
        graph.kinds,
        3,
        Array.from(graph.kinds, (kind) => kind === KIND_INDEX.COMPANY),
        { first, primary: KIND_INDEX.SERVICE },
      );
      expect(done.reduce((sum, value) => sum + value, 0)).toBeLessThan(140);
    },
  );

  it('reports the sampled method and still counts dependents exactly', () => {
    const graph = chainGraph(400, 4, 100, 9);
    const kinds = ['SERVICE', 'FOUNDATION_MODEL', 'COMPANY'] as const;
    const kindOf = (v: number) => (v < 400 ? kinds[0] : v < 404 ? kinds[1] : kinds[2]);
    const network = {
      nodes: graph.map((_, v) => ({ id: `n${v}`, kind: kindOf(v), date: null })),
      edges: graph.flatMap((next, v) => next.map((w) => ({ from: `n${v}`, to: `n${w}`, dealt: false, since: null }))),
    };
    const { scores, method } = systemicRanks(network, { exactMaxNodes: 100, error: 0.2, failureProbability: 0.1 });
    expect(method.exact).toBe(false);
    expect(method.pivots).toBe(pivotsFor(505, 0.2, 0.1));
    const reaching = reachingByBruteForce(graph);
    for (const score of scores) {
      const v = Number(score.id.slice(1));
      expect(score.dependentServices + score.dependentModels + score.dependentCompanies).toBe(reaching[v]);
    }
  });
});

describe('compactRankGraph', () => {
  // Nodes keyed 10, 11, ...; dates on models and services; dealt dependencies with their announcement.
  const network: DependencyNetwork = {
    nodes: [
      { id: 'svc1', kind: 'SERVICE', date: '2022' },
      { id: 'svc2', kind: 'SERVICE', date: null },
      { id: 'svc3', kind: 'SERVICE', date: '2021-05' },
      { id: 'm1', kind: 'FOUNDATION_MODEL', date: '2020' },
      { id: 'm2', kind: 'FOUNDATION_MODEL', date: '2023' },
      { id: 'dev', kind: 'COMPANY', date: null },
      { id: 'inv', kind: 'COMPANY', date: null },
      { id: 'chip', kind: 'COMPANY', date: null },
    ],
    edges: [
      { from: 'svc1', to: 'm1', dealt: false, since: null },
      { from: 'svc2', to: 'm1', dealt: false, since: null },
      { from: 'svc3', to: 'm2', dealt: false, since: null },
      { from: 'svc3', to: 'm1', dealt: false, since: null },
      { from: 'm1', to: 'dev', dealt: false, since: null },
      { from: 'm2', to: 'dev', dealt: false, since: null },
      { from: 'dev', to: 'inv', dealt: true, since: '2023-01' },
      { from: 'dev', to: 'inv', dealt: true, since: null },
      { from: 'inv', to: 'chip', dealt: true, since: '2019' },
      { from: 'dev', to: 'chip', dealt: true, since: null },
    ],
  };
  const key = new Map(network.nodes.map((node, at) => [node.id, 10 + at]));
  const compact: CompactDependencies = {
    nodes: network.nodes.map((node) => key.get(node.id)!),
    kinds: network.nodes.map((node) => KIND_INDEX[node.kind]),
    dates: network.nodes.map((node) => node.date ?? ''),
    froms: network.edges.map((edge) => key.get(edge.from)!),
    tos: network.edges.map((edge) => key.get(edge.to)!),
    sinces: network.edges.map((edge) => edge.since ?? ''),
    dealt: network.edges.map((edge) => edge.dealt),
  };
  const byKey = new Map([...key].map(([id, k]) => [String(k), id]));

  it.each([null, '2019', '2021-06', '2022-12', '2023-02'])('ranks as networkAsOf does, as of %s', (asOf) => {
    const expected = systemicRanks(networkAsOf(network, asOf)).scores;
    const got = systemicRanksOf(compactRankGraph(compact, asOf)).scores.map((score) => ({
      ...score,
      id: byKey.get(score.id)!,
    }));
    expect(got.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('refuses a date without the dates', () => {
    expect(() => compactRankGraph({ ...compact, dates: [], sinces: [] }, '2022')).toThrow(/needs the dates/);
  });
});
