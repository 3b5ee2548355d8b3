import type { SeedGraph } from '../seed/seedGraph';
import type { KnownEntity } from './nameIndex';

/** Given a validated seed graph, returns its entities, sources included, as the name index knows them. */
export function knownEntities(graph: SeedGraph): KnownEntity[] {
  return graph.nodes.map(({ id, label, properties }) => ({
    id,
    label,
    name: String(properties.name),
    ...(Array.isArray(properties.aliases) && { aliases: properties.aliases }),
  }));
}
