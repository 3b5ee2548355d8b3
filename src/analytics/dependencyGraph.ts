/** Pure computations over the dependency graph: who depends on whom, and who sits on the paths between them. */
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

/**
 * Brandes' algorithm on a directed, unweighted graph given as each node's distinct successors. Calls `visit(source,
 * reached)` with every node reachable from each source (itself excluded) and returns each node's betweenness
 * centrality normalised as for directed graphs: divided by (n - 1)(n - 2), so it lies in 0..1.
 * Each source costs time in proportion to the part of the graph it reaches: shortest-path predecessors are
 * recorded as edges while searching, never looked up among a node's (possibly many) in-neighbours.
 */
export function betweenness(
  successors: readonly (readonly number[])[],
  visit?: (source: number, reached: Int32Array) => void,
): Float64Array {
  const n = successors.length;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let edgeFrom: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let edgeTo: Int32Array<ArrayBuffer> = new Int32Array(1024);
  for (let source = 0; source < n; source += 1) {
    let reached = 0;
    let edges = 0;
    sigma[source] = 1;
    distance[source] = 0;
    order[reached++] = source;
    for (let head = 0; head < reached; head += 1) {
      const v = order[head];
      for (const w of successors[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          order[reached++] = w;
        }
        if (distance[w] === distance[v] + 1) {
          sigma[w] += sigma[v];
          if (edges === edgeFrom.length) {
            edgeFrom = grow(edgeFrom);
            edgeTo = grow(edgeTo);
          }
          edgeFrom[edges] = v;
          edgeTo[edges] = w;
          edges += 1;
        }
      }
    }
    // Edges were recorded in the search order of their tails, so walking them backwards finishes every
    // node's dependency before it is passed on to its predecessors.
    for (let edge = edges - 1; edge >= 0; edge -= 1) {
      const v = edgeFrom[edge];
      const w = edgeTo[edge];
      delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
    }
    for (let index = 1; index < reached; index += 1) centrality[order[index]] += delta[order[index]];
    visit?.(source, order.subarray(1, reached));
    for (let index = 0; index < reached; index += 1) {
      const v = order[index];
      sigma[v] = 0;
      delta[v] = 0;
      distance[v] = -1;
    }
  }
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  return centrality.map((value) => value * scale);
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
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
 * Given the dependency network, ranks every company by the services that have it upstream, then the models, then
 * the other companies; ties share a rank and are listed by betweenness, then id.
 */
export function systemicRanks(network: DependencyNetwork): SystemicScore[] {
  const index = new Map(network.nodes.map((node, position) => [node.id, position]));
  const targets = network.nodes.map(() => new Set<number>());
  for (const edge of network.edges) {
    const [from, to] = [index.get(edge.from), index.get(edge.to)];
    if (from !== undefined && to !== undefined && from !== to) targets[from].add(to);
  }
  const counts = network.nodes.map(() => ({ SERVICE: 0, FOUNDATION_MODEL: 0, COMPANY: 0 }));
  const centrality = betweenness(
    targets.map((set) => [...set]),
    (source, reached) => {
      const kind = network.nodes[source].kind;
      for (const node of reached) if (network.nodes[node].kind === 'COMPANY') counts[node][kind] += 1;
    },
  );
  const scores = network.nodes
    .map((node, position) => ({ node, position }))
    .filter(({ node }) => node.kind === 'COMPANY')
    .map(({ node, position }) => ({
      id: node.id,
      rank: 0,
      dependentServices: counts[position].SERVICE,
      dependentModels: counts[position].FOUNDATION_MODEL,
      dependentCompanies: counts[position].COMPANY,
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
  return scores;
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
