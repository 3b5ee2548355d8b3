import { cypherFile } from '../db/cypherFile';
import type { QueryRunner } from '../db/queryRunner';
import { toParams } from '../db/toParams';
import { LABELS, RELATIONSHIP_TYPES } from '../domain/graphModel';

/** What `npm run export -- --format json` writes (src/exports/json.ts). */
export interface JsonGraph {
  nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
  relationships: { id: string; type: string; start: string; end: string; properties: Record<string, unknown> }[];
}

const NODE_LABELS = new Set<string>([...LABELS, 'Entity']);
const TYPES = new Set<string>([...RELATIONSHIP_TYPES, 'CLAIM', 'DEPENDS_ON']);

export class ImportError extends Error {}

/** Checks an export's shape and names; returns it, or throws ImportError saying what and where. */
export function parseJsonGraph(text: string): JsonGraph {
  let graph: JsonGraph;
  try {
    graph = JSON.parse(text) as JsonGraph;
  } catch (error) {
    throw new ImportError(`not JSON: ${(error as Error).message}`);
  }
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.relationships))
    throw new ImportError(
      'expected {"nodes": [...], "relationships": [...]}, as npm run export -- --format json writes',
    );
  graph.nodes.forEach((node, index) => {
    const bad = (node?.labels ?? []).filter((label) => !NODE_LABELS.has(label));
    if (
      typeof node?.properties?.id !== 'string' ||
      !Array.isArray(node.labels) ||
      bad.length > 0 ||
      !node.labels.includes('Entity')
    ) {
      throw new ImportError(
        `nodes[${index}]: expected an entity with an id and labels among ${[...NODE_LABELS].join(', ')}` +
          (bad.length ? `, got ${bad.join(', ')}` : ''),
      );
    }
  });
  graph.relationships.forEach((rel, index) => {
    if (!TYPES.has(rel?.type) || typeof rel.start !== 'string' || typeof rel.end !== 'string')
      throw new ImportError(
        `relationships[${index}]: expected a type among ${[...TYPES].join(', ')} with start and end ids`,
      );
  });
  return graph;
}

/**
 * Loads an export into an EMPTY database in one write transaction (nodes by label set, then relationships by
 * type, in UNWIND batches): all of it or, on any failure, nothing.
 */
export async function importJsonGraph(
  runner: QueryRunner,
  graph: JsonGraph,
  batchSize = 1000,
): Promise<{ nodes: number; relationships: number }> {
  const [{ nodes: present }] = await runner.read(cypherFile('imports/count-entities'));
  if ((present as number) > 0)
    throw new ImportError(
      `the database holds ${present} nodes; import into an empty one (npm run seed -- --reset empties it)`,
    );
  return runner.inWriteTransaction(async (tx) => {
    let nodes = 0;
    let relationships = 0;
    const byLabels = new Map<string, Record<string, unknown>[]>();
    for (const node of graph.nodes) {
      const key = [...node.labels].sort().join(':');
      byLabels.set(key, [...(byLabels.get(key) ?? []), { properties: toParams(node.properties) }]);
    }
    for (const [labels, rows] of byLabels) {
      for (let start = 0; start < rows.length; start += batchSize) {
        const [row] = await tx.run(cypherFile('imports/create-nodes').replaceAll('__LABELS__', labels), {
          rows: rows.slice(start, start + batchSize),
        });
        nodes += row.created as number;
      }
    }
    const byType = new Map<string, Record<string, unknown>[]>();
    for (const rel of graph.relationships)
      byType.set(rel.type, [
        ...(byType.get(rel.type) ?? []),
        { start: rel.start, end: rel.end, properties: toParams(rel.properties) },
      ]);
    for (const [type, rows] of byType) {
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        const [row] = await tx.run(cypherFile('imports/create-relationships').replaceAll('__TYPE__', type), {
          rows: batch,
        });
        if ((row.created as number) !== batch.length)
          throw new ImportError(
            `${type}: ${batch.length - (row.created as number)} relationships name an entity the file does not hold`,
          );
        relationships += row.created as number;
      }
    }
    return { nodes, relationships };
  });
}
