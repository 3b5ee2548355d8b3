/**
 * The values of a models.dev TOML file as the graph stores them. A provider's entry with `base_model` takes every
 * field it does not set from the lab's model file, except those its `base_model_omit` lists (models.dev's own rule);
 * a field of the wrong type is an ImportFormatError naming the file and the field.
 */
import type { ModelAccess } from '../../domain/enums';
import { OFFER_PROPERTIES } from '../../domain/graphModel';
import { isPartialDate } from '../../domain/rules';
import { ImportFormatError, type Location } from '../importBatch';
import type { Table } from './modelsDevFiles';

/** An entry and, when it names one, the lab's model file it builds on. */
export interface Entry {
  table: Table;
  at: Location;
  base?: { table: Table; at: Location };
}

type Kind = 'string' | 'number' | 'boolean';
type Value<K extends Kind> = K extends 'string' ? string : K extends 'number' ? number : boolean;

/** Given a table and a dotted key ("cost.input"), returns the value there, or undefined. */
function valueAt(table: Table, key: string): unknown {
  let value: unknown = table;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Table)[part];
  }
  return value;
}

/** Given a table, a dotted key and the type the field has, returns its value or undefined; a wrong type throws. */
export function field<K extends Kind>(table: Table, key: string, kind: K, at: Location): Value<K> | undefined {
  const value = valueAt(table, key);
  if (value === undefined) return undefined;
  if (typeof value !== kind || (kind === 'number' && !Number.isFinite(value))) {
    throw new ImportFormatError(`${at}: ${key} is not a ${kind} (${JSON.stringify(value)})`);
  }
  return value as Value<K>;
}

/** Given an entry, returns the keys its `base_model_omit` lists. */
function omitted(entry: Entry): string[] {
  const list = valueAt(entry.table, 'base_model_omit');
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.some((key) => typeof key !== 'string')) {
    throw new ImportFormatError(`${entry.at}: base_model_omit is not a list of field names`);
  }
  return list as string[];
}

/** Given an entry, a dotted key and its type, returns the entry's value, else its base model's unless omitted. */
export function entryField<K extends Kind>(entry: Entry, key: string, kind: K): Value<K> | undefined {
  const own = field(entry.table, key, kind, entry.at);
  if (own !== undefined || entry.base === undefined) return own;
  if (omitted(entry).some((omit) => key === omit || key.startsWith(`${omit}.`))) return undefined;
  return field(entry.base.table, key, kind, entry.base.at);
}

export type Offer = Record<(typeof OFFER_PROPERTIES)[number], string | number | boolean | null>;

/** Given an entry and its id (its path under models/ without .toml), returns its offer (null: a value not given). */
export function offerOf(entry: Entry, providerModelId: string): Offer {
  return {
    providerModelId,
    inputUsdPerMTok: entryField(entry, 'cost.input', 'number') ?? null,
    outputUsdPerMTok: entryField(entry, 'cost.output', 'number') ?? null,
    contextTokens: entryField(entry, 'limit.context', 'number') ?? null,
    openWeights: entryField(entry, 'open_weights', 'boolean') ?? null,
  };
}

/**
 * Given a model's file (a lab's, or the provider entry that first names it), returns the claims it states: releasedOn
 * (release_date) and access. Open weights are OPEN; closed weights LIMITED, since every model models.dev lists is
 * served through an API. A release_date that is not a date is warned and claims nothing.
 */
export function modelClaims(
  table: Table,
  at: Location,
  warn: (at: Location, message: string) => void,
): Record<string, string> {
  const claims: Record<string, string> = {};
  const released = field(table, 'release_date', 'string', at);
  if (released !== undefined && isPartialDate(released)) claims.releasedOn = released;
  else if (released !== undefined) warn(at, `release_date "${released}" is not a date: no releasedOn`);
  const open = field(table, 'open_weights', 'boolean', at);
  if (open !== undefined) claims.access = (open ? 'OPEN' : 'LIMITED') satisfies ModelAccess;
  return claims;
}

/** Given a file's table, returns its last_updated date, or null when it gives none that is a date. */
export function lastUpdated(table: Table, at: Location): string | null {
  const date = field(table, 'last_updated', 'string', at);
  return date !== undefined && isPartialDate(date) ? date : null;
}
