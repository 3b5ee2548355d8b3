import { SeedTally } from './graphCounts';
import type { ParsedSeedFile, PropertyValue, SeedEntity, SeedGraph, SeedProblem, SeedRelationship } from './seedGraph';
import { CONFIDENCE } from '../domain/enums';
import type { PropertyType } from '../domain/graphModel';
import { ID_PATTERN, PARTIAL_DATE_SHAPE, invisibleCharacterIn, isPartialDate } from '../domain/rules';
import { FILE_SPECS, FileSpec, RelationSpec, specOf } from './seedSpec';

const REF_KEYS = new Set(['id', 'sources', 'confidence', 'note']);

type Json = Record<string, unknown>;

interface Located {
  spec: FileSpec;
  /** The file's name in its folder (companies.yaml or companies.jsonl). */
  file: string;
  record: Json;
  id: string;
  problem(message: string): void;
}

/** Every id of a seed and where it is defined: what reference checks and writers need besides the records. */
export interface SeedIndex {
  /** The specs the seed was checked against, in load order. */
  specs: readonly FileSpec[];
  labelOf: Map<string, { label: string; where: string }>;
  duplicated: Set<string>;
  /** Labels whose file did not read cleanly: references to unknown ids of these are not reported as dangling too. */
  unreadable: Set<string>;
  /** The name of the file the sources come from, for messages. */
  sourcesFile: string;
}

/** What a complete check of a seed found, without keeping its graph: the id index, every problem, and the counts. */
export interface SeedCheck {
  index: SeedIndex;
  problems: SeedProblem[];
  tally: SeedTally;
}

/**
 * Given every parsed seed file and the specs of the seed's files (GRAPH's by default), returns the graph they
 * describe and every problem found; the graph is only usable when there are no problems.
 */
export function validateSeed(
  files: ParsedSeedFile[],
  specs: readonly FileSpec[] = FILE_SPECS,
): { graph: SeedGraph; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const index = indexSeed(files, problems, specs);
  const graph: SeedGraph = { nodes: [], relationships: [] };
  for (const { node, relationships } of seedEntities(files, index, problems)) {
    graph.nodes.push(node);
    for (const relationship of relationships) graph.relationships.push(relationship);
  }
  return { graph, problems: sortProblems(problems, specs) };
}

/**
 * Given every parsed seed file, checks them as validateSeed does but keeps only the id index and the counts, so a
 * seed of any size can be checked in little memory (JSON Lines files are read twice, one line at a time). Each entity
 * of the second walk goes to `onEntity` when given, until the first problem is found.
 */
export function checkSeed(
  files: ParsedSeedFile[],
  specs: readonly FileSpec[] = FILE_SPECS,
  onEntity?: (entity: SeedEntity) => void,
): SeedCheck {
  const problems: SeedProblem[] = [];
  const index = indexSeed(files, problems, specs);
  const tally = new SeedTally();
  for (const entity of seedEntities(files, index, problems)) {
    tally.add(entity);
    if (problems.length === 0) onEntity?.(entity);
  }
  return { index, problems: sortProblems(problems, specs), tally };
}

/** The files in load order, each with its spec. */
function inLoadOrder(files: ParsedSeedFile[], specs: readonly FileSpec[]): { spec: FileSpec; file: ParsedSeedFile }[] {
  return specs.flatMap((spec) =>
    files.filter((file) => specOf(file.file, specs) === spec).map((file) => ({ spec, file })),
  );
}

const isMapping = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The first walk: reports unreadable lines, records that are no mapping or have no id, and duplicate ids; returns
 * the index of ids.
 */
function indexSeed(files: ParsedSeedFile[], problems: SeedProblem[], specs: readonly FileSpec[]): SeedIndex {
  for (const file of files) problems.push(...file.problems);
  const index: SeedIndex = {
    specs,
    labelOf: new Map(),
    duplicated: new Set(),
    unreadable: new Set(
      files.filter((file) => file.problems.length > 0).flatMap((file) => specOf(file.file, specs)?.label ?? []),
    ),
    sourcesFile: files.find((file) => specOf(file.file, specs)?.label === 'Source')?.file ?? 'sources.yaml',
  };
  const { labelOf, duplicated, unreadable } = index;
  for (const { spec, file } of inLoadOrder(files, specs)) {
    let position = 0;
    for (const entry of file.records) {
      position += 1;
      const { line } = entry;
      if ('problem' in entry) {
        problems.push({ file: file.file, line, message: entry.problem });
        unreadable.add(spec.label);
        continue;
      }
      const report = (record: string) => (message: string) => problems.push({ file: file.file, line, record, message });
      if (!isMapping(entry.value)) {
        report(`record ${position}`)('must be a mapping of field: value');
        continue;
      }
      const record = entry.value;
      const id = typeof record.id === 'string' ? record.id : undefined;
      const problem = report(id ?? `record ${position}`);
      if (id === undefined) {
        problem(record.id === undefined ? 'id: is required' : 'id: must be a string');
        continue;
      }
      if (!ID_PATTERN.test(id)) problem(`id: "${id}" is not a lowercase slug like "gpt-4" or "sk-hynix"`);
      const earlier = labelOf.get(id);
      if (earlier) {
        duplicated.add(id);
        problem(`id: "${id}" is already defined at ${earlier.where}`);
        continue;
      }
      labelOf.set(id, { label: spec.label, where: `${file.file}:${line}` });
    }
  }
  return index;
}

/**
 * Given the files and their index, walks the records again (in load order) and yields the node and relationships of
 * every record that defines an id first; pushes the problems of those records to `problems` when given.
 */
export function* seedEntities(
  files: ParsedSeedFile[],
  index: SeedIndex,
  problems?: SeedProblem[],
): Generator<SeedEntity> {
  for (const { spec, file } of inLoadOrder(files, index.specs)) {
    for (const entry of file.records) {
      if ('problem' in entry || !isMapping(entry.value)) continue;
      const { line, value: record } = entry;
      const id = record.id;
      if (typeof id !== 'string' || index.labelOf.get(id)?.where !== `${file.file}:${line}`) continue;
      const problem = problems
        ? (message: string) => void problems.push({ file: file.file, line, record: id, message })
        : () => undefined;
      yield toNode({ spec, file: file.file, record, id, problem }, index);
    }
  }
}

/** Sorts problems by file in load order, then by line; problems of one line keep the order they were found in. */
function sortProblems(problems: SeedProblem[], specs: readonly FileSpec[]): SeedProblem[] {
  const order = (problem: SeedProblem) => specs.findIndex((spec) => spec === specOf(problem.file, specs));
  return problems.sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
}

const withArticle = (word: string) => `${/^[AEIOU]/i.test(word) ? 'an' : 'a'} ${word}`;

function toNode(entry: Located, { labelOf, duplicated, unreadable, sourcesFile }: SeedIndex): SeedEntity {
  const { spec, file, record, id, problem } = entry;
  const allowed = new Set([
    'id',
    ...Object.keys(spec.fields),
    ...Object.keys(spec.relations),
    ...(spec.cited ? ['sources'] : []),
  ]);
  for (const key of Object.keys(record)) {
    if (!allowed.has(key)) problem(`${key}: is not a field of ${file} (allowed: ${[...allowed].join(', ')})`);
  }

  const properties: Record<string, PropertyValue> = { id };
  for (const [field, { type, required }] of Object.entries(spec.fields)) {
    const value = record[field];
    if (value === undefined || (value === null && !(type.kind === 'number' && type.nullable))) {
      if (required) problem(`${field}: is required`);
      continue;
    }
    const checked = checkField(type, value);
    if (typeof checked === 'object' && checked !== null && 'error' in checked) problem(`${field}: ${checked.error}`);
    else properties[field] = checked as PropertyValue;
  }

  const isSourceId = (ref: string) =>
    labelOf.get(ref)?.label === 'Source' || (!labelOf.has(ref) && unreadable.has('Source'));
  let sourceIds: string[] = [id];
  if (spec.cited) {
    const sources = stringList(record.sources);
    if (record.sources === undefined) problem('sources: needs at least one source id');
    else if (sources === undefined || sources.length === 0) problem('sources: must be a non-empty list of source ids');
    else {
      for (const ref of sources)
        if (!isSourceId(ref)) problem(`sources: "${ref}" is not the id of a record in ${sourcesFile}`);
      for (const ref of listedTwice(sources)) problem(`sources: "${ref}" is listed twice`);
      sourceIds = [...new Set(sources)];
    }
  }
  properties.sourceIds = sourceIds;
  if (spec.label !== 'Source' && properties.confidence === undefined) properties.confidence = 'REPORTED';

  const relationships: SeedRelationship[] = sourceIds
    .filter((source) => source !== id)
    .map((source) => ({
      type: 'CITES',
      from: id,
      to: source,
      properties: { sourceIds: [source], confidence: 'CONFIRMED' },
    }));

  for (const [field, relation] of Object.entries(spec.relations)) {
    const value = record[field];
    if (value === undefined || value === null) {
      if (relation.required) problem(`${field}: needs at least one entry`);
      continue;
    }
    if (relation.single && Array.isArray(value)) {
      problem(`${field}: takes one id or { id, sources, confidence, note }, not a list`);
      continue;
    }
    if (!relation.single && (!Array.isArray(value) || (relation.required && value.length === 0))) {
      problem(`${field}: must be a list${relation.required ? ' with at least one entry' : ''}`);
      continue;
    }
    const items: unknown[] = Array.isArray(value) ? value : [value];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const link = relation.roles ? partyOf(item, String(properties.kind), relation.roles) : refOf(item);
      const at = relation.single ? field : `${field}[${index + 1}]`;
      if ('error' in link) return problem(`${at}: ${link.error}`);
      const target = labelOf.get(link.id);
      if (!target && unreadable.has(relation.target)) return;
      if (!target)
        return problem(
          `${at}: "${link.id}" is not defined in any seed file (expected ${withArticle(relation.target)} id)`,
        );
      if (target.label !== relation.target && !duplicated.has(link.id)) {
        return problem(`${at}: "${link.id}" is ${withArticle(target.label)}, expected ${withArticle(relation.target)}`);
      }
      if (seen.has(link.id)) return problem(`${at}: "${link.id}" is listed twice`);
      if (link.id === id) return problem(`${at}: "${id}" points at its own record`);
      seen.add(link.id);
      for (const source of link.sources ?? [])
        if (!isSourceId(source)) problem(`${at}: source "${source}" is not the id of a record in ${sourcesFile}`);
      for (const source of listedTwice(link.sources ?? [])) problem(`${at}: source "${source}" is listed twice`);
      relationships.push(relationshipOf(relation, id, link, sourceIds, properties.confidence as string));
    });
    if (relation.roles)
      checkSides(items, String(properties.kind), relation.roles, (message) => problem(`${field}: ${message}`));
  }
  return { node: { label: spec.label, id, properties }, relationships };
}

interface Link {
  id: string;
  sources?: string[];
  confidence?: string;
  note?: string;
  role?: string;
}

function relationshipOf(
  relation: RelationSpec,
  id: string,
  link: Link,
  sourceIds: string[],
  confidence: string,
): SeedRelationship {
  const properties: Record<string, PropertyValue> = {
    sourceIds: link.sources ?? sourceIds,
    confidence: link.confidence ?? confidence,
  };
  if (link.note !== undefined) properties.note = link.note;
  if (link.role !== undefined) properties.role = link.role;
  const [from, to] = relation.direction === 'out' ? [id, link.id] : [link.id, id];
  return { type: relation.type, from, to, properties };
}

/** A ref is an id, or { id, sources?, confidence?, note? } when the link has its own provenance. */
function refOf(item: unknown): Link | { error: string } {
  if (typeof item === 'string') return { id: item };
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    return { error: 'must be an id or { id, sources, confidence, note }' };
  const ref = item as Json;
  const unknown = Object.keys(ref).filter((key) => !REF_KEYS.has(key));
  if (unknown.length > 0)
    return { error: `unknown key ${unknown.join(', ')} (allowed: id, sources, confidence, note)` };
  if (typeof ref.id !== 'string') return { error: 'id: is required' };
  const sources = ref.sources === undefined ? undefined : stringList(ref.sources);
  if (ref.sources !== undefined && (sources === undefined || sources.length === 0))
    return { error: 'sources: must be a non-empty list of source ids' };
  if (ref.confidence !== undefined && !CONFIDENCE.includes(ref.confidence as never))
    return { error: `confidence: must be one of ${CONFIDENCE.join(', ')}` };
  if (ref.note !== undefined && typeof ref.note !== 'string') return { error: 'note: must be text' };
  return {
    id: ref.id,
    sources,
    confidence: ref.confidence as string | undefined,
    note: ref.note as string | undefined,
  };
}

/** A party is { company, role } with a role that fits the partnership's kind. */
function partyOf(
  item: unknown,
  kind: string,
  rolesByKind: Readonly<Record<string, readonly string[]>>,
): Link | { error: string } {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    return { error: 'must be { company: <id>, role: <role> }' };
  const party = item as Json;
  const unknown = Object.keys(party).filter((key) => !['company', 'role', 'sources', 'note'].includes(key));
  if (unknown.length > 0) return { error: `unknown key ${unknown.join(', ')} (allowed: company, role, sources, note)` };
  if (typeof party.company !== 'string') return { error: 'company: is required' };
  const roles = rolesByKind[kind] as readonly string[] | undefined;
  if (typeof party.role !== 'string' || (roles && !roles.includes(party.role))) {
    const expected = roles ? roles.join(' or ') : 'a role';
    return {
      error: `role: "${String(party.role)}" does not fit ${withArticle(kind)} partnership (expected ${expected})`,
    };
  }
  const link = refOf({ id: party.company, sources: party.sources, note: party.note });
  return 'error' in link ? link : { ...link, role: party.role };
}

/** A partnership needs two parties, and a directed kind (investor -> investee ...) a party on each side. */
function checkSides(
  parties: unknown[],
  kind: string,
  rolesByKind: Readonly<Record<string, readonly string[]>>,
  problem: (message: string) => void,
): void {
  if (parties.length < 2) return problem('a partnership needs at least two parties');
  const roles = rolesByKind[kind] as readonly string[] | undefined;
  const given = new Set(parties.map((party) => (party as Json | null)?.role));
  const missing = (roles ?? []).filter((role) => !given.has(role));
  if (roles && roles.length > 1 && missing.length > 0)
    problem(`${withArticle(kind)} partnership needs a party of each role; none is ${missing.join(' or ')}`);
}

function listedTwice(ids: string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

/** A value as a message shows it: numbers as they print, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

/** Checks one field value against its type; returns the value to store or { error }. */
export function checkField(type: PropertyType, value: unknown): PropertyValue | { error: string } {
  switch (type.kind) {
    case 'string': {
      if (typeof value !== 'string' || value.trim() === '') return { error: 'must be non-empty text' };
      const invisible = invisibleCharacterIn(value);
      return invisible === null ? value : { error: invisible };
    }
    case 'strings': {
      if (!stringList(value)?.every((item) => item.trim() !== ''))
        return { error: 'must be a list of non-empty texts' };
      const problems = (value as string[]).map(invisibleCharacterIn);
      const index = problems.findIndex((problem) => problem !== null);
      return index < 0 ? (value as string[]) : { error: `item ${index + 1} ${problems[index]}` };
    }
    case 'date': {
      const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
      if (typeof text !== 'string' || !PARTIAL_DATE_SHAPE.test(text))
        return { error: `must be an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got ${JSON.stringify(value)}` };
      return isPartialDate(text) ? text : { error: `is not a real date: ${JSON.stringify(value)}` };
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : { error: `must be true or false, got ${shown(value)}` };
    case 'number':
      if (value === null && type.nullable) return null;
      return typeof value === 'number' && Number.isFinite(value) && value >= type.min
        ? value
        : { error: `must be a finite number of at least ${type.min}, got ${shown(value)}` };
    case 'int':
      return Number.isInteger(value) && (value as number) >= type.min && (value as number) <= type.max
        ? (value as number)
        : { error: `must be a whole number from ${type.min} to ${type.max}, got ${JSON.stringify(value)}` };
    case 'enum':
      return typeof value === 'string' && type.values.includes(value)
        ? value
        : { error: `must be one of ${type.values.join(', ')}, got ${JSON.stringify(value)}` };
    case 'country':
      return typeof value === 'string' && /^[A-Z]{2}$/.test(value)
        ? value
        : { error: `must be an ISO 3166-1 alpha-2 code such as "US" or "KR", got ${JSON.stringify(value)}` };
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
        ? value
        : { error: `must be an http(s) URL, got ${JSON.stringify(value)}` };
  }
}
