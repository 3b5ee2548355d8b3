import { createHash } from 'node:crypto';
import type { CompactDependencies } from './dependencyGraph';

/**
 * Given the dependency graph in numbers, returns a digest of it that does not depend on the order Neo4j listed it
 * in: equal digests, equal inputs, so a result computed from one graph by any server serves every server that reads
 * the same graph.
 */
export function dependencyDigest(graph: CompactDependencies): string {
  const nodes = graph.nodes.map((node, index) => `${node}:${graph.kinds[index]}:${graph.dates?.[index] ?? ''}`);
  const edges = graph.froms.map(
    (from, index) =>
      `${from}>${graph.tos[index]}:${graph.sinces?.[index] ?? ''}:${graph.dealt?.[index] === true ? 1 : 0}`,
  );
  const hash = createHash('sha256');
  for (const line of nodes.sort()) hash.update(`${line}\n`);
  hash.update('--\n');
  for (const line of edges.sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}
