import neo4j, { isNode, isRelationship } from 'neo4j-driver';

/**
 * Given a driver value (node, relationship, temporal, list or map), returns it as a plain JSON-like value. Lists and
 * maps are fresh from the driver's decoder and belong to one record, so they are converted in place.
 */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item = value[index];
      if (item !== null && typeof item === 'object') value[index] = plain(item);
    }
    return value;
  }
  // A map (a projection, properties()): the most common value, so it is told first and without the type checks below.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const item = map[key];
      if (item !== null && typeof item === 'object') map[key] = plain(item);
    }
    return map;
  }
  if (isNode(value) || isRelationship(value)) return plain(value.properties);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = plain((value as Record<string, unknown>)[key]);
  return out;
}
