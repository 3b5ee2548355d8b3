/**
 * The name index: resolves the name a source gives an entity to the id of the one node that stands for it, or says
 * the name is new, matches a retired entity, or is ambiguous. Pure: built from the known entities and the curated
 * alias file (docs/identity.md).
 */
import type { CuratedAliases } from './curatedAliases';
import { compactKey, nameKeys, nameKindOf, uniqueSlug } from './normalizeName';

/** An entity the index knows: from the graph or the seed, or registered during an import. */
export interface KnownEntity {
  id: string;
  label: string;
  name: string;
  aliases?: readonly string[];
  /** A retired entity is matched but never reused: an import leaves it alone. */
  retired?: boolean;
}

/** How a name resolved. `ambiguous` carries every candidate and no id: the caller reports it, never guesses. */
export type Resolution =
  | { how: 'id' | 'name' | 'alias' | 'curated' | 'normalised'; id: string }
  | { how: 'ambiguous'; ids: string[] }
  | { how: 'retired'; id: string }
  | { how: 'new'; id: string };

const NO_CURATION: CuratedAliases = { entries: [], distinct: [] };

/** label -> key -> (id -> what was indexed under the key). */
type Table<T> = Map<string, Map<string, Map<string, T>>>;

function add<T>(table: Table<T>, label: string, key: string, id: string, value: T): void {
  let byKey = table.get(label);
  if (!byKey) table.set(label, (byKey = new Map()));
  let ids = byKey.get(key);
  if (!ids) byKey.set(key, (ids = new Map()));
  if (!ids.has(id)) ids.set(id, value);
}

export class NameIndex {
  private readonly labelOf = new Map<string, string>();
  private readonly retired = new Set<string>();
  /** Exact names and aliases, and whether the text is the entity's name or an alias. */
  private readonly exact: Table<'name' | 'alias'> = new Map();
  /** Compact comparison keys, with the names that gave them (for `distinct`). */
  private readonly normalised: Table<Set<string>> = new Map();
  private readonly curated: Table<true> = new Map();
  /** Each name of a `distinct` entry, with the names it must not merge with. */
  private readonly distinctFrom = new Map<string, Set<string>>();

  /** Given the known entities and the curated alias file (checked by readAliasFile), builds the index. */
  constructor(known: readonly KnownEntity[], curated: CuratedAliases = NO_CURATION) {
    for (const entity of known) this.register(entity);
    for (const entry of curated.entries)
      for (const name of entry.names)
        for (const key of this.keysOf(entry.label, name)) add(this.curated, entry.label, key, entry.id, true);
    for (const group of curated.distinct)
      for (const name of group.names) {
        const others = this.distinctFrom.get(name) ?? new Set<string>();
        for (const other of group.names) if (other !== name) others.add(other);
        this.distinctFrom.set(name, others);
      }
  }

  /**
   * Given a label and a name (or an id) a source uses, returns how it resolves: a curated alias first, then an
   * exact id, then an exact name or alias, then the normalised name; a match of two or more entities is ambiguous;
   * a match of a retired entity is `retired`; no match is `new`, with a slug id no known entity has.
   */
  resolve(label: string, name: string): Resolution {
    const text = name.trim();
    if (text === '') throw new Error(`NameIndex.resolve: empty name for a ${label}`);
    const keys = this.keysOf(label, text);
    const curated = this.candidates(this.curated, label, keys);
    if (curated.size > 0) return this.resolved('curated', [...curated.keys()]);
    if (this.labelOf.get(text) === label) return this.resolved('id', [text]);
    const exact = this.exact.get(label)?.get(text);
    if (exact)
      return this.resolved([...exact.values()].every((how) => how === 'name') ? 'name' : 'alias', [...exact.keys()]);
    const similar = this.candidates(this.normalised, label, keys);
    const barred = this.distinctFrom.get(text);
    const ids = [...similar]
      .filter(([, found]) => !barred || found.some((names) => [...names].some((indexed) => !barred.has(indexed))))
      .map(([id]) => id);
    if (ids.length > 0) return this.resolved('normalised', ids);
    const fallback = label.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    return { how: 'new', id: uniqueSlug(text, fallback, (id) => this.labelOf.has(id)) };
  }

  /**
   * Adds an entity (one created during an import, or known from the start) so that later names equal to its name or
   * aliases resolve to it. Registering a known id again adds its names; an id known under another label is an error.
   */
  register(entity: KnownEntity): void {
    const { id, label } = entity;
    const known = this.labelOf.get(id);
    if (known !== undefined && known !== label)
      throw new Error(`NameIndex.register: "${id}" is already a ${known}, not a ${label}`);
    this.labelOf.set(id, label);
    if (entity.retired) this.retired.add(id);
    const names: [string, 'name' | 'alias'][] = [
      [entity.name, 'name'],
      ...(entity.aliases ?? []).map((alias): [string, 'alias'] => [alias, 'alias']),
    ];
    for (const [raw, how] of names) {
      const name = raw.trim();
      if (name === '') continue;
      add(this.exact, label, name, id, how);
      for (const key of this.keysOf(label, name)) {
        add(this.normalised, label, key, id, new Set<string>());
        this.normalised.get(label)!.get(key)!.get(id)!.add(name);
      }
    }
  }

  private keysOf(label: string, name: string): string[] {
    return [...new Set(nameKeys(name, nameKindOf(label)).map(compactKey))].filter((key) => key !== '');
  }

  /** Every id any of the keys finds in one label's part of a table, with what each key found it by. */
  private candidates<T>(table: Table<T>, label: string, keys: string[]): Map<string, T[]> {
    const found = new Map<string, T[]>();
    const byKey = table.get(label);
    for (const key of keys)
      for (const [id, value] of byKey?.get(key) ?? []) found.set(id, [...(found.get(id) ?? []), value]);
    return found;
  }

  private resolved(how: 'id' | 'name' | 'alias' | 'curated' | 'normalised', ids: string[]): Resolution {
    if (ids.length > 1) return { how: 'ambiguous', ids: [...ids].sort() };
    const [id] = ids;
    return this.retired.has(id) ? { how: 'retired', id } : { how, id };
  }
}
