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
 * of each kind (by `kindOf`, 0..kinds-1) reach it, as `counts[node * kinds + kind]`. One pass finds the strongly
 * connected components (whose members share what reaches them); then one backward search over the components per
 * component holding a counted node.
 */
export function reachingCounts(
  successors: readonly (readonly number[])[],
  kindOf: ArrayLike<number>,
  kinds: number,
  counted: ArrayLike<boolean>,
): Float64Array {
  const n = successors.length;
  const { component, components } = stronglyConnected(successors);
  const sizes = new Float64Array(components * kinds);
  for (let v = 0; v < n; v += 1) sizes[component[v] * kinds + kindOf[v]] += 1;
  // Each component's distinct predecessor components, as one flat list with offsets.
  const seen = new Int32Array(components).fill(-1);
  const lists: number[][] = Array.from({ length: components }, () => []);
  const members: number[][] = Array.from({ length: components }, () => []);
  for (let v = 0; v < n; v += 1) members[component[v]].push(v);
  for (let c = 0; c < components; c += 1)
    for (const v of members[c])
      for (const w of successors[v]) {
        const d = component[w];
        if (d !== c && seen[d] !== c) {
          seen[d] = c;
          lists[d].push(c);
        }
      }
  const counts = new Float64Array(n * kinds);
  const visited = new Int32Array(components).fill(-1);
  const queue = new Int32Array(components);
  const total = new Float64Array(kinds);
  for (let c = 0; c < components; c += 1) {
    if (!members[c].some((v) => counted[v])) continue;
    total.fill(0);
    let reached = 0;
    visited[c] = c;
    queue[reached++] = c;
    for (let head = 0; head < reached; head += 1) {
      const d = queue[head];
      for (let kind = 0; kind < kinds; kind += 1) total[kind] += sizes[d * kinds + kind];
      for (const p of lists[d])
        if (visited[p] !== c) {
          visited[p] = c;
          queue[reached++] = p;
        }
    }
    for (const v of members[c]) {
      if (!counted[v]) continue;
      for (let kind = 0; kind < kinds; kind += 1) counts[v * kinds + kind] = total[kind];
      counts[v * kinds + kindOf[v]] -= 1;
    }
  }
  return counts;
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

/**
 * Given the dependency network, ranks every company by the services that have it upstream, then the models, then
 * the other companies; ties share a rank and are listed by betweenness, then id. Betweenness is exact or sampled as
 * `betweennessOf` decides (options passed on), and the method says which.
 */
export function systemicRanks(
  network: DependencyNetwork,
  options: Parameters<typeof betweennessOf>[2] = {},
): SystemicRanks {
  const index = new Map(network.nodes.map((node, position) => [node.id, position]));
  const targets = network.nodes.map(() => new Set<number>());
  for (const edge of network.edges) {
    const [from, to] = [index.get(edge.from), index.get(edge.to)];
    if (from !== undefined && to !== undefined && from !== to) targets[from].add(to);
  }
  const successors = targets.map((set) => [...set]);
  const kindOf = network.nodes.map((node) => KIND_INDEX[node.kind]);
  const counts = reachingCounts(
    successors,
    kindOf,
    3,
    network.nodes.map((node) => node.kind === 'COMPANY'),
  );
  const { scores: centrality, method } = betweennessOf(
    network.nodes.map((node) => node.id),
    successors,
    options,
  );
  const scores = network.nodes
    .map((node, position) => ({ node, position }))
    .filter(({ node }) => node.kind === 'COMPANY')
    .map(({ node, position }) => ({
      id: node.id,
      rank: 0,
      dependentServices: counts[position * 3 + KIND_INDEX.SERVICE],
      dependentModels: counts[position * 3 + KIND_INDEX.FOUNDATION_MODEL],
      dependentCompanies: counts[position * 3 + KIND_INDEX.COMPANY],
      betweenness: centrality[position],
    }));
  const byCounts = (a: SystemicScore, b: SystemicScore) =>
    b.dependentServices - a.dependentServices ||
    b.dependentModels - a.dependentModels ||
    b.dependentCompanies - a.dependentCompanies;
  scores.sort((a, b) => byCounts(a, b) || b.betweenness - a.betweenness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  scores.forEach((score, position) => {
    score.rank = position > 0 && byCounts(scores[position - 1], score) === 0 ? scores[position - 1].rank : position + 1;
  });
  return { scores, method };
}

const KIND_INDEX: Record<DependencyNodeKind, number> = { COMPANY: 0, FOUNDATION_MODEL: 1, SERVICE: 2 };

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
 * Given a set of entity ids and candidate steps, returns the distinct steps with both ends in the set, in a stable
 * order.
 */
export function stepsAmong(ids: ReadonlySet<string>, steps: readonly Step[]): Step[] {
  const seen = new Set<string>();
  const kept: Step[] = [];
  for (const step of steps) {
    const key = `${step.from}\u0000${step.relation}\u0000${step.to}`;
    if (!ids.has(step.from) || !ids.has(step.to) || seen.has(key)) continue;
    seen.add(key);
    kept.push({ from: step.from, to: step.to, relation: step.relation });
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
