/**
 * The curated alias file (seed/aliases.yaml): hand decisions on names that the normalisation alone would not join
 * (`{ id, names }`: "Google Deepmind" is google-deepmind) or would join wrongly (`{ distinct: [..] }`). Read and
 * checked strictly, every problem named with its file and line, before any name is resolved.
 */
import path from 'node:path';
import { parseSeedFile } from '../seed/readSeedFiles';
import { formatProblem, type SeedProblem } from '../seed/seedGraph';
import type { KnownEntity } from './nameIndex';
import { compactKey, nameKeys, nameKindOf } from './normalizeName';

/** Names that resolve to one entity, by hand. */
export interface CuratedEntry {
  id: string;
  /** The entity's label, from the known entities. */
  label: string;
  names: string[];
  /** file:line, for messages. */
  at: string;
}

/** Names that look alike once normalised yet name different things: none resolves to another by normalisation. */
export interface DistinctNames {
  names: string[];
  at: string;
}

export interface CuratedAliases {
  entries: CuratedEntry[];
  distinct: DistinctNames[];
}

/** An alias file with problems; the message lists every one. */
export class AliasFileError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the alias file:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'AliasFileError';
  }
}

const ENTRY_KEYS = ['id', 'names', 'note'];
const DISTINCT_KEYS = ['distinct', 'note'];

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item.trim() !== '');

/**
 * Given the alias file's path and the entities its ids must name, returns the curated aliases and every problem:
 * an unknown key, an id no known entity has, a name given to two ids (equal once normalised), a name that is
 * already another entity's name or alias, a `distinct` entry with fewer than two names.
 */
export function readAliasFile(
  fullPath: string,
  known: readonly KnownEntity[],
): { curated: CuratedAliases; problems: SeedProblem[] } {
  const file = path.basename(fullPath);
  const parsed = parseSeedFile(file, fullPath);
  const problems = [...parsed.problems];
  const curated: CuratedAliases = { entries: [], distinct: [] };
  const byId = new Map(known.map((entity) => [entity.id, entity]));
  const exactOwner = new Map<string, string>();
  for (const entity of known)
    for (const name of [entity.name, ...(entity.aliases ?? [])])
      exactOwner.set(`${entity.label}\u0000${name}`, entity.id);
  const claimed = new Map<string, { id: string; name: string; line: number }>();

  parsed.records.forEach(({ line, value }, index) => checkEntry(line, value, index));
  return { curated, problems };

  function checkEntry(line: number, value: unknown, index: number): void {
    const record = value as Record<string, unknown> | null;
    const label = typeof record?.id === 'string' ? record.id : `record ${index + 1}`;
    const problem = (message: string, name = label): void => void problems.push({ file, line, record: name, message });
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      return problem('must be { id, names, note } or { distinct, note }');
    const isDistinct = 'distinct' in record;
    const allowed = isDistinct ? DISTINCT_KEYS : ENTRY_KEYS;
    for (const key of Object.keys(record))
      if (!allowed.includes(key)) problem(`${key}: is not a key of this entry (allowed: ${allowed.join(', ')})`);
    if (record.note !== undefined && typeof record.note !== 'string') problem('note: must be text');
    if (isDistinct) {
      if (!isTextList(record.distinct) || record.distinct.length < 2)
        return problem('distinct: must be a list of at least two names');
      curated.distinct.push({ names: record.distinct.map((name) => name.trim()), at: `${file}:${line}` });
      return;
    }
    if (typeof record.id !== 'string') return problem('id: is required');
    const id = record.id;
    const entity = byId.get(id);
    if (!entity) return problem(`id: "${id}" is not the id of any seed record`, id);
    if (!isTextList(record.names)) return problem('names: must be a non-empty list of names', id);
    const names = record.names.map((name) => name.trim());
    for (const name of names) {
      const owner = exactOwner.get(`${entity.label}\u0000${name}`);
      if (owner !== undefined && owner !== id)
        problem(`names: "${name}" is already the name or an alias of "${owner}"`, id);
      for (const key of nameKeys(name, nameKindOf(entity.label)).map(compactKey)) {
        const earlier = claimed.get(`${entity.label}\u0000${key}`);
        if (earlier && earlier.id !== id)
          problem(`names: "${name}" is given to "${earlier.id}" too (as "${earlier.name}", line ${earlier.line})`, id);
        else claimed.set(`${entity.label}\u0000${key}`, { id, name, line });
      }
    }
    curated.entries.push({ id, label: entity.label, names, at: `${file}:${line}` });
  }
}

/** Given the alias file's path and the known entities, returns its curated aliases or throws AliasFileError. */
export function loadAliasFile(fullPath: string, known: readonly KnownEntity[]): CuratedAliases {
  const { curated, problems } = readAliasFile(fullPath, known);
  if (problems.length > 0) throw new AliasFileError(problems);
  return curated;
}
