/**
 * Betweenness centrality of a directed, unweighted graph: exact (Brandes) up to a size, estimated from sampled
 * pivots (Brandes and Pich) above it, with the error bound the sample gives.
 */

/** Up to this many nodes betweenness is exact: one search from every node. */
export const EXACT_BETWEENNESS_MAX_NODES = 30_000;
/** Above it, every normalised score is within ERROR of the exact one with probability 1 - FAILURE_PROBABILITY. */
export const BETWEENNESS_ERROR = 0.05;
export const BETWEENNESS_FAILURE_PROBABILITY = 0.1;

/** How a set of betweenness scores was computed. */
export interface BetweennessMethod {
  /** True when every node was a source (the scores are exact). */
  exact: boolean;
  /** Nodes of the graph. */
  nodes: number;
  /** Sources searched from: every node when exact, the sampled pivots otherwise. */
  pivots: number;
  /** The bound on each normalised score's error (0 when exact). */
  error: number;
  /** The probability that some score misses the bound (0 when exact). */
  failureProbability: number;
}

/**
 * Given a node count, an error bound e and a failure probability d, returns the pivots that make every normalised
 * estimate lie within +-e of the exact score with probability at least 1 - d: k >= (n/(n-1))^2 ln(2n/d) / (2 e^2).
 * (Each pivot's normalised contribution, scaled by n, lies in [0, n/(n-1)]; Hoeffding's bound for one node and a
 * union bound over the n nodes.)
 */
export function pivotsFor(nodes: number, error: number, failureProbability: number): number {
  if (nodes < 3) return nodes;
  const range = nodes / (nodes - 1);
  return Math.min(nodes, Math.ceil((range * range * Math.log((2 * nodes) / failureProbability)) / (2 * error * error)));
}

/** FNV-1a, 32 bits, of a string's UTF-16 code units: a fixed, well-spread order of ids. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Given node ids and a count, returns the positions of the `count` nodes whose ids hash lowest (ties by id): the
 * same pivots for the same graph, spread over it without regard to its order.
 */
export function pivotsOf(ids: readonly string[], count: number): number[] {
  const hashes = ids.map(idHash);
  return ids
    .map((_, position) => position)
    .sort((a, b) => hashes[a] - hashes[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0))
    .slice(0, count);
}

/**
 * Given node ids and each node's distinct successors, returns every node's betweenness normalised as for directed
 * graphs (divided by (n - 1)(n - 2), so it lies in 0..1) and how it was computed: exactly up to `exactMaxNodes`
 * nodes, else from the pivots `pivotsFor` asks for (the lowest id hashes), each pivot's dependencies scaled by
 * n / pivots.
 */
export function betweennessOf(
  ids: readonly string[],
  successors: readonly (readonly number[])[],
  options: { exactMaxNodes?: number; error?: number; failureProbability?: number } = {},
): { scores: Float64Array; method: BetweennessMethod } {
  const n = ids.length;
  const exactMaxNodes = options.exactMaxNodes ?? EXACT_BETWEENNESS_MAX_NODES;
  const error = options.error ?? BETWEENNESS_ERROR;
  const failureProbability = options.failureProbability ?? BETWEENNESS_FAILURE_PROBABILITY;
  const pivots = n <= exactMaxNodes ? n : pivotsFor(n, error, failureProbability);
  if (pivots >= n) {
    return {
      scores: betweenness(successors),
      method: { exact: true, nodes: n, pivots: n, error: 0, failureProbability: 0 },
    };
  }
  return {
    scores: betweenness(successors, pivotsOf(ids, pivots)),
    method: { exact: false, nodes: n, pivots, error, failureProbability },
  };
}

/**
 * Brandes' algorithm on a directed, unweighted graph given as each node's distinct successors, from every node or
 * from the given sources (then each source's dependencies count n / sources times). Returns each node's betweenness
 * normalised as for directed graphs: divided by (n - 1)(n - 2). Each source costs time in proportion to the part of
 * the graph it reaches: shortest-path predecessors are recorded as edges while searching, never looked up among a
 * node's (possibly many) in-neighbours.
 */
export function betweenness(successors: readonly (readonly number[])[], sources?: readonly number[]): Float64Array {
  const n = successors.length;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let edgeFrom: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let edgeTo: Int32Array<ArrayBuffer> = new Int32Array(1024);
  const count = sources ? sources.length : n;
  for (let s = 0; s < count; s += 1) {
    const source = sources ? sources[s] : s;
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
    for (let index = 0; index < reached; index += 1) {
      const v = order[index];
      sigma[v] = 0;
      delta[v] = 0;
      distance[v] = -1;
    }
  }
  const scale = n > 2 ? n / count / ((n - 1) * (n - 2)) : 0;
  return centrality.map((value) => value * scale);
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
