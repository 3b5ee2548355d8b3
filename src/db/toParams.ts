import { GRAPH, integerProperties } from '../domain/graphModel';
import { integer } from './integer';

const GRAPH_INTEGERS = integerProperties(GRAPH);

/**
 * Given an entity's or a relationship's properties, returns them as query parameters: the model's integer properties
 * as Neo4j integers (a JS number is sent as a float), null ones left out (Neo4j stores no nulls).
 */
export function toParams(
  properties: Record<string, unknown>,
  integers: ReadonlySet<string> = GRAPH_INTEGERS,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => [key, integers.has(key) && Number.isInteger(value) ? integer(value as number) : value]),
  );
}
