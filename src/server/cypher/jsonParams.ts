import { integer } from '../../db/integer';

/** Given parameters parsed from JSON, returns them with integers as Cypher integers (so `LIMIT $n` works). */
export function jsonParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return integer(value);
  if (Array.isArray(value)) return value.map(jsonParams);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = jsonParams(item);
    return out;
  }
  return value;
}
