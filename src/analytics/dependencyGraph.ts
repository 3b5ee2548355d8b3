/** Pure computations over the dependency graph: who depends on whom, and who sits on the paths between them. */
import { betweennessOf, type BetweennessMethod } from './betweenness';
import { existedOn } from './partialDate';

export type DependencyNodeKind = 'COMPANY' | 'FOUNDATION_MODEL' | 'SERVICE';

export interface DependencyNetworkNode {
  id: string;
  kind: DependencyNodeKind;
  /** A model's release or a service's launch; companies have none. */
  date: string | null;
}

/** "from depends on to", read from a DEPENDS_ON relationship. */
export interface DependencyEdge {
  from: string;
  to: string;
  /** Whether partnerships make this dependency (so it exists from their announcement on). */
  dealt: boolean;
  /** The earliest announcement among those partnerships; null when none is dated or none makes it. */
  since: string | null;
}

export interface DependencyNetwork {
  nodes: DependencyNetworkNode[];
  edges: DependencyEdge[];
}

export interface Step {
  from: string;
  to: string;
  relation: string;
}

/**
 * Given the network and a date, returns the network as it stood then: companies, the models released and the
 * services launched on or before it (undated ones are left out), and the dependencies among them whose
 * partnerships were announced by then. Without a date, returns the network unchanged.
 */
export function networkAsOf(network: DependencyNetwork, asOf?: string | null): DependencyNetwork {
  if (!asOf) return network;
  const nodes = network.nodes.filter((node) => node.kind === 'COMPANY' || existedOn(node.date, asOf));
  const kept = new Set(nodes.map((node) => node.id));
  const edges = network.edges.filter(
    (edge) => kept.has(edge.from) && kept.has(edge.to) && (!edge.dealt || existedOn(edge.since, asOf)),
  );
  return { nodes, edges };
}

export interface SystemicScore {
  id: string;
  /** Competition rank ("1, 2, 2, 4") by dependent services, then models, then companies. */
  rank: number;
  dependentServices: number;
  dependentModels: number;
  dependentCompanies: number;
  betweenness: number;
}

/**
 * Given each node's distinct successors and which nodes to count for, returns for each of them how many other nodes
 * of each kind (by `kindOf`, 0..kinds-1) reach it, as `counts[node * kinds + kind]`, and whether it was counted.
 * One pass finds the strongly connected components (whose members share what reaches them); then the components
 * holding counted nodes are taken 32 at a time, and one pass over the components (successors first) marks in a bit
 * of each component which of the 32 it reaches; components reaching the same ones are summed together.
 *
 * With `first`, only the nodes that may be among the `first` most reached by `primary` nodes are counted: an upper
 * bound of each component's reaching `primary` nodes (the sum over its predecessors, which counts a node once per
 * route) orders them, and counting stops once no bound left can reach the `first`-th largest count found. Every
 * node that could rank among the first, or tie with the last of them, is counted exactly.
 */
export function reachingCounts(
  successors: readonly (readonly number[])[],
  kindOf: ArrayLike<number>,
  kinds: number,
  counted: ArrayLike<boolean>,
  options: { first?: number; primary?: number } = {},
): { counts: Float64Array; done: Uint8Array } {
  const n = successors.length;
  const { component, components } = stronglyConnected(successors);
  const sizes = new Float64Array(components * kinds);
  for (let v = 0; v < n; v += 1) sizes[component[v] * kinds + kindOf[v]] += 1;
  const members: number[][] = Array.from({ length: components }, () => []);
  for (let v = 0; v < n; v += 1) members[component[v]].push(v);
  // Each component's distinct successor components.
  const seen = new Int32Array(components).fill(-1);
  const next: number[][] = Array.from({ length: components }, () => []);
  for (let c = 0; c < components; c += 1)
    for (const v of members[c])
      for (const w of successors[v]) {
        const d = component[w];
        if (d !== c && seen[d] !== c) {
          seen[d] = c;
          next[c].push(d);
        }
      }
  let order = Array.from({ length: components }, (_, c) => c).filter((c) => members[c].some((v) => counted[v]));
  const first = options.first;
  const primary = options.primary ?? 0;
  const bound = new Float64Array(components);
  if (first !== undefined) {
    let primaryTotal = 0;
    for (let v = 0; v < n; v += 1) if (kindOf[v] === primary) primaryTotal += 1;
    // Edges go from higher component numbers to lower: a component is bounded before its successors.
    for (let c = components - 1; c >= 0; c -= 1) {
      bound[c] = Math.min(bound[c] + sizes[c * kinds + primary], primaryTotal);
      for (const d of next[c]) bound[d] += bound[c];
    }
    order = order.sort((a, b) => bound[b] - bound[a]);
  }
  const counts = new Float64Array(n * kinds);
  const done = new Uint8Array(n);
  const mask = new Uint32Array(components);
  // The `first` largest primary counts found so far, ascending.
  const best: number[] = [];
  for (let start = 0; start < order.length; start += 32) {
    if (first !== undefined && best.length >= first && bound[order[start]] < best[0]) break;
    const chunk = order.slice(start, start + 32);
    mask.fill(0);
    chunk.forEach((c, bit) => (mask[c] = 1 << bit));
    const full = chunk.length === 32 ? 0xffffffff : 2 ** chunk.length - 1;
    // Successors have lower numbers, so each component's mask is complete when it is read.
    const groups = new Map<number, number>();
    const sums: number[] = [];
    // Neighbouring components mostly reach the same ones: the last group found is tried before the map.
    let lastMask = -1;
    let lastGroup = -1;
    for (let c = 0; c < components; c += 1) {
      let m = mask[c];
      for (const d of next[c]) m |= mask[d];
      m >>>= 0;
      mask[c] = m;
      if (m === 0) continue;
      let group = m === lastMask ? lastGroup : groups.get(m);
      if (group === undefined) {
        group = groups.size;
        groups.set(m, group);
        for (let kind = 0; kind < kinds; kind += 1) sums.push(0);
      }
      lastMask = m;
      lastGroup = group;
      for (let kind = 0; kind < kinds; kind += 1) sums[group * kinds + kind] += sizes[c * kinds + kind];
    }
    const totals = new Float64Array(chunk.length * kinds);
    for (const [m, group] of groups)
      for (let bit = 0; bit < chunk.length; bit += 1)
        if ((m & full & (1 << bit)) !== 0)
          for (let kind = 0; kind < kinds; kind += 1) totals[bit * kinds + kind] += sums[group * kinds + kind];
    chunk.forEach((c, bit) => {
      for (const v of members[c]) {
        if (!counted[v]) continue;
        for (let kind = 0; kind < kinds; kind += 1) counts[v * kinds + kind] = totals[bit * kinds + kind];
        counts[v * kinds + kindOf[v]] -= 1;
        done[v] = 1;
        if (first === undefined) continue;
        const value = counts[v * kinds + primary];
        if (best.length < first || value > best[0]) {
          let at = 0;
          while (at < best.length && best[at] < value) at += 1;
          best.splice(at, 0, value);
          if (best.length > first) best.shift();
        }
      }
    });
  }
  return { counts, done };
}

/**
 * Tarjan's strongly connected components, without recursion. Returns each node's component; components are
 * numbered so that every edge between two of them goes from a higher number to a lower one.
 */
export function stronglyConnected(successors: readonly (readonly number[])[]): {
  component: Int32Array;
  components: number;
} {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackSize = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root += 1) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = 0;
    index[root] = low[root] = counter++;
    stack[stackSize++] = root;
    while (depth >= 0) {
      const v = callNode[depth];
      const next = successors[v];
      if (callEdge[depth] < next.length) {
        const w = next[callEdge[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[stackSize++] = w;
          depth += 1;
          callNode[depth] = w;
          callEdge[depth] = 0;
        } else if (component[w] < 0 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let w;
        do {
          w = stack[--stackSize];
          component[w] = components;
        } while (w !== v);
        components += 1;
      }
      depth -= 1;
      if (depth >= 0 && low[v] < low[callNode[depth]]) low[callNode[depth]] = low[v];
    }
  }
  return { component, components };
}

/** Systemic ranks, and how their betweenness was computed. */
export interface SystemicRanks {
  scores: SystemicScore[];
  method: BetweennessMethod;
}

/** The dependency graph as positions: each node's key (what pivots are drawn by), kind and distinct successors. */
export interface RankGraph {
  keys: readonly string[];
  kinds: ArrayLike<number>;
  successors: readonly (readonly number[])[];
}

/** Kinds as RankGraph numbers them. */
export const KIND_INDEX: Record<DependencyNodeKind, number> = { COMPANY: 0, FOUNDATION_MODEL: 1, SERVICE: 2 };

/** Given the network, returns it as a RankGraph keyed by entity ids (parallel dependencies count once). */
export function rankGraph(network: DependencyNetwork): RankGraph {
  const index = new Map(network.nodes.map((node, position) => [node.id, position]));
  const targets = network.nodes.map(() => new Set<number>());
  for (const edge of network.edges) {
    const [from, to] = [index.get(edge.from), index.get(edge.to)];
    if (from !== undefined && to !== undefined && from !== to) targets[from].add(to);
  }
  return {
    keys: network.nodes.map((node) => node.id),
    kinds: network.nodes.map((node) => KIND_INDEX[node.kind]),
    successors: targets.map((set) => [...set]),
  };
}

/** The dependency graph as read in numbers: node keys and kinds, each dependency's ends by key; dates when asked. */
export interface CompactDependencies {
  nodes: readonly number[];
  kinds: readonly number[];
  /** A model's release or a service's launch, '' when none (companies); absent or empty when not read. */
  dates?: readonly string[];
  froms: readonly number[];
  tos: readonly number[];
  /** The earliest announcement of the partnerships making each dependency, ''; absent or empty when not read. */
  sinces?: readonly string[];
  /** Whether partnerships make each dependency. */
  dealt?: readonly boolean[];
}

/**
 * Given the graph in numbers and a date, returns it as a RankGraph keyed by the node keys (as text), as it stood
 * then when the date is given (as networkAsOf cuts it: companies, models and services of that date or before, and
 * the dependencies among them whose partnerships were announced by then); parallel dependencies count once.
 */
export function compactRankGraph(graph: CompactDependencies, asOf?: string | null): RankGraph {
  const { nodes, kinds, froms, tos } = graph;
  if (asOf && (graph.dates?.length !== nodes.length || graph.sinces?.length !== froms.length))
    throw new Error('compactRankGraph: a date needs the dates of nodes and dependencies');
  const alive = (at: number) => !asOf || kinds[at] === KIND_INDEX.COMPANY || existedOn(graph.dates![at] || null, asOf);
  let largest = 0;
  for (const node of nodes) if (node > largest) largest = node;
  // Each key's position among the kept nodes, -1 when not kept.
  const position = new Int32Array(largest + 1).fill(-1);
  const keys: string[] = [];
  const keptKinds: number[] = [];
  nodes.forEach((node, at) => {
    if (!alive(at)) return;
    position[node] = keys.length;
    keys.push(String(node));
    keptKinds.push(kinds[at]);
  });
  const positionOf = (node: number) => (node <= largest ? position[node] : -1);
  const successors: number[][] = keys.map(() => []);
  froms.forEach((from, edge) => {
    const [a, b] = [positionOf(from), positionOf(tos[edge])];
    if (a < 0 || b < 0 || a === b) return;
    if (asOf && graph.dealt![edge] && !existedOn(graph.sinces![edge] || null, asOf)) return;
    successors[a].push(b);
  });
  const last = new Int32Array(keys.length).fill(-1);
  successors.forEach((next, a) => {
    let kept = 0;
    for (const b of next)
      if (last[b] !== a) {
        last[b] = a;
        next[kept++] = b;
      }
    next.length = kept;
  });
  return { keys, kinds: keptKinds, successors };
}

/**
 * Given the dependency network, ranks every company by the services that have it upstream, then the models, then
 * the other companies; ties share a rank and are listed by betweenness, then id. Betweenness is exact or sampled as
 * `betweennessOf` decides (options passed on), and the method says which.
 */
export function systemicRanks(network: DependencyNetwork, options: SystemicOptions = {}): SystemicRanks {
  return systemicRanksOf(rankGraph(network), options);
}

export type SystemicOptions = Parameters<typeof betweennessOf>[2] & {
  /** Rank only the first this many (and any tied with the last); all companies when absent. */
  first?: number;
};

/**
 * `systemicRanks` over a RankGraph, each score's id being its node's key. With `first`, only the companies that
 * may rank among the first are counted (see reachingCounts) and only the first `first` are returned (with any tied
 * with the last on counts and betweenness).
 */
export function systemicRanksOf(graph: RankGraph, options: SystemicOptions = {}): SystemicRanks {
  const { keys, kinds, successors } = graph;
  const { counts, done } = reachingCounts(
    successors,
    kinds,
    3,
    Array.from(kinds, (kind) => kind === KIND_INDEX.COMPANY),
    { first: options.first, primary: KIND_INDEX.SERVICE },
  );
  const { scores: centrality, method } = betweennessOf(keys, successors, options);
  const scores: SystemicScore[] = [];
  for (let position = 0; position < keys.length; position += 1) {
    if (!done[position]) continue;
    scores.push({
      id: keys[position],
      rank: 0,
      dependentServices: counts[position * 3 + KIND_INDEX.SERVICE],
      dependentModels: counts[position * 3 + KIND_INDEX.FOUNDATION_MODEL],
      dependentCompanies: counts[position * 3 + KIND_INDEX.COMPANY],
      betweenness: centrality[position],
    });
  }
  const byCounts = (a: SystemicScore, b: SystemicScore) =>
    b.dependentServices - a.dependentServices ||
    b.dependentModels - a.dependentModels ||
    b.dependentCompanies - a.dependentCompanies;
  scores.sort((a, b) => byCounts(a, b) || b.betweenness - a.betweenness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  scores.forEach((score, position) => {
    score.rank = position > 0 && byCounts(scores[position - 1], score) === 0 ? scores[position - 1].rank : position + 1;
  });
  if (options.first === undefined || scores.length <= options.first) return { scores, method };
  // Those tied with the last kept on counts and betweenness stay too: keyed by other than ids, their order by id
  // is for the caller to settle.
  let end = options.first;
  const last = scores[end - 1];
  while (end < scores.length && byCounts(last, scores[end]) === 0 && scores[end].betweenness === last.betweenness)
    end += 1;
  return { scores: scores.slice(0, end), method };
}

/**
 * Given a walk's root, what it reached (each entity's id with the ids of what the entity depends on; the root among
 * them) and its direction, returns the fewest steps from the root to each entity reached, breadth first: upstream
 * follows the dependencies, downstream follows them backwards. Only steps between entities reached count (a
 * shortest walk within the hop limit passes only through entities within it).
 */
export function walkDistances(
  root: string,
  reached: ReadonlyMap<string, readonly string[]>,
  direction: 'upstream' | 'downstream',
): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const [id, dependsOn] of reached)
    for (const other of dependsOn) {
      if (!reached.has(other)) continue;
      const [from, to] = direction === 'upstream' ? [id, other] : [other, id];
      const list = next.get(from);
      if (list) list.push(to);
      else next.set(from, [to]);
    }
  const distances = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  for (let distance = 1; frontier.length > 0; distance += 1) {
    const following: string[] = [];
    for (const id of frontier)
      for (const other of next.get(id) ?? [])
        if (!distances.has(other)) {
          distances.set(other, distance);
          following.push(other);
        }
    frontier = following;
  }
  return distances;
}

/**
 * Given a set of entity ids and candidate steps, returns the distinct steps with both ends in the set (the first of
 * each from, relation and to, with whatever else it carries), in a stable order.
 */
export function stepsAmong<S extends Step>(ids: ReadonlySet<string>, steps: readonly S[]): S[] {
  const seen = new Set<string>();
  const kept: S[] = [];
  for (const step of steps) {
    const key = `${step.from}\u0000${step.relation}\u0000${step.to}`;
    if (!ids.has(step.from) || !ids.has(step.to) || seen.has(key)) continue;
    seen.add(key);
    kept.push(step);
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return kept.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.relation, b.relation));
}

/**
 * Given a removed entity, the set of everything with it upstream, and the models each of those services is built on,
 * returns the services whose every model is the removed entity or has it upstream (services on no model are not).
 */
export function singleSourcedServices(
  removed: string,
  exposed: ReadonlySet<string>,
  modelsOfService: ReadonlyMap<string, readonly string[]>,
): string[] {
  return [...modelsOfService]
    .filter(
      ([service, models]) =>
        exposed.has(service) && models.length > 0 && models.every((model) => model === removed || exposed.has(model)),
    )
    .map(([service]) => service)
    .sort();
}
