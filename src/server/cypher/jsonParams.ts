import { integer } from '../../db/integer';
import { badRequest } from './endpointError';

/** How deep parameters may nest (objects and lists): deeper ones are refused before anything walks them. */
export const MAX_PARAM_DEPTH = 32;

/** A path's segment as a person reads it: `.name` for an object's key, `[i]` for a list's item. */
const segment = (key: string | number) => (typeof key === 'number' ? `[${key}]` : `.${key}`);

function convert(value: unknown, path: string, depth: number): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return integer(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_PARAM_DEPTH) {
    throw badRequest(`"params" nest deeper than ${MAX_PARAM_DEPTH} levels at ${path}; pass flatter values`);
  }
  if (Array.isArray(value)) return value.map((item, index) => convert(item, path + segment(index), depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = convert(item, path + segment(key), depth + 1);
  return out;
}

/**
 * Given parameters parsed from JSON, returns them with integers as Cypher integers (so `LIMIT $n` works); refuses
 * (400) parameters nested deeper than MAX_PARAM_DEPTH, naming where.
 */
export function jsonParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(params)) out[key] = convert(item, `$${key}`, 1);
  return out;
}
