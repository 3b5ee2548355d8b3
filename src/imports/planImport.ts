/**
 * Plans an import: given a database's batch (what its file states, by name), what the graph holds and a resolver of
 * names, returns every change to make and the summary to print, without writing anything. Pure: `--dry-run` prints
 * the plan's summary, a real import writes the plan in one transaction (importRepository).
 *
 * The rules (DESIGN section 6): one node per real thing (names resolved through the identity rules; an ambiguous name
 * is reported, never guessed; a retired entity is left alone); the source's claims replace its claims of the last
 * snapshot, and nobody else's; each entity's claimed properties show the preferred claim; relationships list the
 * sources that state them; importing the same snapshot twice changes nothing.
 */
import {
  Claim,
  comparePrecedence,
  decodeClaimValue,
  disagreement,
  encodeClaimValue,
  preferredClaims,
} from '../domain/claims';
import type { Confidence } from '../domain/enums';
import { GRAPH, claimedFields, type Label, type RelationshipSpec, type RelationshipType } from '../domain/graphModel';
import type { ImportBatch, ImportedEntity, ImportedLink, Location, ReferenceSource } from './importBatch';

const CLAIMED = claimedFields(GRAPH);

/** Whether a relationship type may link an entity to itself (a chip maker's own chips). */
const reflexive = (type: RelationshipType): boolean =>
  (GRAPH.relationships[type] as RelationshipSpec).reflexive === true;

/** How a name was resolved (the identity rules, src/identity). */
export type Resolution =
  | { how: 'id' | 'name' | 'alias' | 'curated' | 'normalised' | 'new'; id: string }
  | { how: 'ambiguous'; ids: string[] }
  | { how: 'retired'; id: string };

/** Resolves names to entity ids; learns the entities an import creates. */
export interface NameResolver {
  resolve(label: Label, name: string): Resolution;
  register(entity: { id: string; label: Label; name: string; aliases: readonly string[] }): void;
}

/** A claim as the graph holds it, with its preference. */
export type StoredClaim = Claim & { preferred: boolean };

/** What the graph holds that an import reads. */
export interface GraphState {
  /** Live entities by id: label and every property. */
  entities: Map<string, { label: Label; properties: Record<string, unknown> }>;
  /** Every claim, by entity id. */
  claims: Map<string, StoredClaim[]>;
  /** Relationships of the types an import writes, and CITES to the import's sources, by relationshipKey. */
  relationships: Map<string, { sourceIds: string[]; confidence: string | null; properties?: Props }>;
}

export const relationshipKey = (type: string, from: string, to: string) => `${type} ${from} ${to}`;

/** The relationship types an import may write (besides CITES). */
export const IMPORTED_TYPES: readonly RelationshipType[] = [
  'DEVELOPS',
  'BASED_ON',
  'TRAINED_ON_CHIPS_OF',
  'TRAINED_IN_CLOUD_OF',
  'SUBSIDIARY_OF',
  'PARTICIPATES_IN',
  'PROVIDES',
  'BUILT_ON',
  'TRAINED_ON',
  'PUBLISHES',
  'DERIVED_FROM',
  'GENERATED_WITH',
  'USES_SERVICE',
  'OFFERS',
  'HOLDS_CHIPS_OF',
];

type Props = Record<string, unknown>;

export interface ImportPlan {
  /** The database's Source node, to write when it is new or anything else changes. */
  source: Props | null;
  /** New DOCUMENT sources (records' own references). */
  references: Props[];
  created: { label: Label; properties: Props }[];
  updated: { id: string; set: Props }[];
  cites: { from: string; to: string }[];
  /** Claims to write: the source's new and changed claims, and others' whose preference changed. */
  claims: (StoredClaim & { id: string })[];
  deletedClaims: { id: string; field: string; sourceId: string; tier: string }[];
  relationships: {
    type: RelationshipType;
    from: string;
    to: string;
    sourceIds: string[];
    confidence: string;
    /** The relationship's own properties the source states (a null removes one); empty for most types. */
    properties: Props;
  }[];
  deletedRelationships: { type: RelationshipType; from: string; to: string }[];
  /** Each name the file gives, by label, and the id it resolved to (null: ambiguous or retired). */
  resolutions: Map<string, string | null>;
  summary: ImportSummary;
}

/** The key of a name in a plan's resolutions. */
export const nameKey = (label: Label, name: string) => `${label}\u0000${name}`;

export interface ImportSummary {
  source: string;
  records: number;
  entities: { created: number; updated: number; unchanged: number };
  /** Names resolved, by how (id, name, alias, curated, normalised, new). */
  resolved: Record<string, number>;
  ambiguous: { label: Label; name: string; ids: string[]; at: Location }[];
  /** Names of retired entities, left alone. */
  retired: { label: Label; name: string; id: string; at: Location }[];
  claims: { written: number; deleted: number; unchanged: number };
  /**
   * `skipped`: links with an end that is ambiguous or retired, or that link an entity to itself (where the type does
   * not allow it); `merged`: links stating a relationship an earlier link of the batch states (two names of one
   * entity, such as two providers that are one company), the earlier one kept.
   */
  relationships: {
    created: number;
    updated: number;
    deleted: number;
    unchanged: number;
    skipped: number;
    merged: number;
  };
  /** Names the file gives without describing them (a dependency) that resolve to nothing the graph has. */
  unresolved: { name: string; at: Location; tried: Label[] }[];
  /** Fields on which this source's claim disagrees with another source's (numbers: by more than 10 %). */
  disagreements: { id: string; field: string; values: { sourceId: string; value: string }[] }[];
  warnings: { at: Location; message: string }[];
}

/** A reference's source id: "ref-" and a slug of its URL without the scheme (or of its title), at most 80 long. */
export function referenceId(reference: ReferenceSource): string {
  const basis = reference.url ? reference.url.replace(/^[a-z]+:\/\//i, '').replace(/^www\./, '') : reference.name;
  const slug = basis
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `ref-${slug.slice(0, 76).replace(/-+$/, '')}`;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** One resolved entity of the batch: its id and what the source states of it, merged over its records. */
interface Stated {
  id: string;
  label: Label;
  isNew: boolean;
  name: string;
  aliases: string[];
  claims: Map<string, { value: string; confidence: Confidence; note: string | null; at: Location }>;
  attributes: Props;
  confidence: Confidence;
  references: string[];
}

export interface PlanOptions {
  precedence: readonly string[];
  /** The import's time (ISO-8601), the Source's importedAt when anything changes. */
  now: string;
}

/** Plans the import of `batch` into the graph `state`; see the module's comment. */
export function planImport(
  batch: ImportBatch,
  state: GraphState,
  resolver: NameResolver,
  options: PlanOptions,
): ImportPlan {
  const sourceId = batch.source.id;
  const summary: ImportSummary = {
    source: sourceId,
    records: batch.records,
    entities: { created: 0, updated: 0, unchanged: 0 },
    resolved: {},
    ambiguous: [],
    retired: [],
    claims: { written: 0, deleted: 0, unchanged: 0 },
    relationships: { created: 0, updated: 0, deleted: 0, unchanged: 0, skipped: 0, merged: 0 },
    unresolved: [],
    disagreements: [],
    warnings: [...batch.warnings],
  };

  // References: one DOCUMENT source per distinct reference; existing ones are left as they are.
  const references = new Map<string, Props>();
  for (const entity of batch.entities) {
    for (const reference of entity.references ?? []) {
      const id = referenceId(reference);
      if (id === sourceId || references.has(id) || state.entities.has(id)) continue;
      references.set(id, {
        id,
        name: reference.name || reference.url || id,
        ...(reference.url && { url: reference.url }),
        ...(reference.publishedOn && { publishedOn: reference.publishedOn }),
        sourceIds: [id],
      });
    }
  }

  // Names to ids: each distinct (label, name) once, the entities the import creates registered as they come.
  const byName = new Map<string, string | null>();
  const stated = new Map<string, Stated>();
  const resolve = (label: Label, name: string, at: Location): string | null => {
    const key = nameKey(label, name);
    if (byName.has(key)) return byName.get(key)!;
    const resolution = resolver.resolve(label, name);
    let id: string | null = null;
    if (resolution.how === 'ambiguous') summary.ambiguous.push({ label, name, ids: resolution.ids, at });
    else if (resolution.how === 'retired') summary.retired.push({ label, name, id: resolution.id, at });
    else {
      id = resolution.id;
      summary.resolved[resolution.how] = (summary.resolved[resolution.how] ?? 0) + 1;
      if (resolution.how === 'new') resolver.register({ id, label, name, aliases: [] });
    }
    byName.set(key, id);
    return id;
  };
  const statedOf = (label: Label, name: string, id: string, confidence: Confidence): Stated => {
    let entry = stated.get(id);
    if (!entry) {
      entry = {
        id,
        label,
        isNew: !state.entities.has(id),
        name,
        aliases: [],
        claims: new Map(),
        attributes: {},
        confidence,
        references: [],
      };
      stated.set(id, entry);
    }
    return entry;
  };

  for (const entity of batch.entities) {
    const id = resolve(entity.label, entity.name, entity.at);
    if (id === null) continue;
    const entry = statedOf(entity.label, entity.name, id, entity.confidence);
    mergeStated(entry, entity, summary);
    for (const reference of entity.references ?? []) {
      const refId = referenceId(reference);
      if (!entry.references.includes(refId)) entry.references.push(refId);
    }
  }

  // Relationships the source states, by key. A link of an `alternatives` group is made only when its far end names
  // an entity the graph has (or this import creates), the first such of its group; a group with none is unresolved.
  const stating = new Map<
    string,
    { type: RelationshipType; from: string; to: string; confidence: string; properties: Props }
  >();
  const groups = new Map<string, ImportedLink[]>();
  for (const link of batch.links) {
    if (link.alternatives === undefined) continue;
    const group = groups.get(link.alternatives);
    if (group) group.push(link);
    else groups.set(link.alternatives, [link]);
  }
  const chosen = new Set<ImportedLink>();
  for (const group of groups.values()) {
    const found = group.find((link) => {
      const resolution = resolver.resolve(link.to.label, link.to.name);
      return resolution.how !== 'new' && resolution.how !== 'ambiguous' && resolution.how !== 'retired';
    });
    if (found) chosen.add(found);
    else
      summary.unresolved.push({ name: group[0].to.name, at: group[0].at, tried: group.map((link) => link.to.label) });
  }
  for (const link of batch.links) {
    if (link.alternatives !== undefined && !chosen.has(link)) continue;
    const from = resolve(link.from.label, link.from.name, link.at);
    const to = resolve(link.to.label, link.to.name, link.at);
    if (from === null || to === null || (from === to && !reflexive(link.type))) {
      summary.relationships.skipped += 1;
      continue;
    }
    statedOf(link.from.label, link.from.name, from, 'REPORTED');
    statedOf(link.to.label, link.to.name, to, 'REPORTED');
    const key = relationshipKey(link.type, from, to);
    if (stating.has(key)) summary.relationships.merged += 1;
    else
      stating.set(key, { type: link.type, from, to, confidence: link.confidence, properties: link.properties ?? {} });
  }

  const plan: ImportPlan = {
    source: null,
    references: [...references.values()],
    created: [],
    updated: [],
    cites: [],
    claims: [],
    deletedClaims: [],
    relationships: [],
    deletedRelationships: [],
    resolutions: byName,
    summary,
  };
  const changedIds = new Set<string>();

  // Claims: this source's claims replace the ones it made before; every touched entity shows its preferred claims.
  const touched = new Set<string>(stated.keys());
  for (const [id, claims] of state.claims)
    if (claims.some((claim) => claim.sourceId === sourceId && claim.tier === 'DATABASE')) touched.add(id);
  for (const id of touched) {
    const entry = stated.get(id);
    const label = entry?.label ?? state.entities.get(id)?.label;
    if (!label) continue;
    const before = state.claims.get(id) ?? [];
    const others = before.filter((claim) => !(claim.sourceId === sourceId && claim.tier === 'DATABASE'));
    const previous = new Map(
      before.filter((claim) => !others.includes(claim)).map((claim) => [claim.field, claim] as const),
    );
    const mine: StoredClaim[] = [...(entry?.claims ?? new Map())].map(([field, { value, confidence, note }]) => ({
      field,
      value,
      confidence,
      note,
      sourceId,
      tier: 'DATABASE',
      snapshotOn: batch.source.snapshotOn,
      preferred: false,
    }));
    const after = [...others, ...mine];
    const preferred = preferredClaims(after, options.precedence);
    for (const claim of mine) {
      claim.preferred = preferred.get(claim.field) === claim;
      const old = previous.get(claim.field);
      if (
        old &&
        old.value === claim.value &&
        old.confidence === claim.confidence &&
        old.preferred === claim.preferred &&
        (old.note ?? null) === claim.note
      )
        summary.claims.unchanged += 1;
      else {
        plan.claims.push({ ...claim, id });
        summary.claims.written += 1;
        changedIds.add(id);
      }
    }
    for (const field of previous.keys()) {
      if (entry?.claims.has(field)) continue;
      plan.deletedClaims.push({ id, field, sourceId, tier: 'DATABASE' });
      summary.claims.deleted += 1;
      changedIds.add(id);
    }
    for (const claim of others) {
      const isPreferred = preferred.get(claim.field) === claim;
      if (claim.preferred !== isPreferred) plan.claims.push({ ...claim, id, preferred: isPreferred });
    }
    // Disagreements with the other sources, as the summary reports them.
    for (const claim of mine) {
      const rivals = others.filter((other) => other.field === claim.field);
      if (rivals.length === 0) continue;
      const values = [claim, ...rivals];
      if (
        disagreement(
          values.map((value) => value.value),
          0.1,
        ) !== null
      )
        summary.disagreements.push({
          id,
          field: claim.field,
          values: values
            .sort((a, b) => comparePrecedence(a, b, options.precedence))
            .map((value) => ({ sourceId: value.sourceId, value: value.value })),
        });
    }
    // The claimed properties: the preferred claim's value; a field whose last claim went is cleared.
    const current = state.entities.get(id)?.properties ?? {};
    const set: Props = {};
    for (const field of CLAIMED[label] ?? []) {
      const claim = preferred.get(field);
      const hadClaims = before.some((old) => old.field === field);
      const value = claim ? decodeClaimValue(claim.value) : hadClaims ? null : undefined;
      if (value !== undefined && !sameValue(current[field], value)) set[field] = value;
    }
    if (entry?.isNew) continue;
    if (entry) {
      for (const [key, value] of Object.entries(entry.attributes))
        if (current[key] === undefined || current[key] === null) set[key] = value;
      const sourceIds = (current.sourceIds as string[] | undefined) ?? [];
      const cited = [sourceId, ...entry.references].filter((ref) => !sourceIds.includes(ref));
      if (cited.length > 0) set.sourceIds = [...sourceIds, ...cited];
    }
    if (Object.keys(set).length > 0) {
      plan.updated.push({ id, set });
      changedIds.add(id);
    }
  }

  // New entities, with their preferred (their only) claims as properties.
  for (const entry of stated.values()) {
    if (!entry.isNew) continue;
    const properties: Props = {
      id: entry.id,
      name: entry.name,
      ...(entry.aliases.length > 0 && { aliases: entry.aliases }),
      confidence: entry.confidence,
      ...entry.attributes,
      sourceIds: [sourceId, ...entry.references],
    };
    for (const [field, { value }] of entry.claims) properties[field] = decodeClaimValue(value);
    plan.created.push({ label: entry.label, properties });
    summary.entities.created += 1;
  }

  // Citations: every entity the source states cites it and its records' references.
  for (const entry of stated.values()) {
    for (const to of [sourceId, ...entry.references]) {
      if (entry.isNew || !state.relationships.has(relationshipKey('CITES', entry.id, to))) {
        plan.cites.push({ from: entry.id, to });
        if (!entry.isNew) changedIds.add(entry.id);
      }
    }
  }

  // Relationships: the source is added to those it states and taken from those it no longer states; the properties it
  // states are set.
  for (const [key, link] of stating) {
    const existing = state.relationships.get(key);
    const changedProperties = Object.entries(link.properties).some(
      ([name, value]) => !sameValue(existing?.properties?.[name], value),
    );
    if (!existing) {
      plan.relationships.push({ ...link, sourceIds: [sourceId] });
      summary.relationships.created += 1;
    } else if (!existing.sourceIds.includes(sourceId) || changedProperties) {
      const sourceIds = existing.sourceIds.includes(sourceId) ? existing.sourceIds : [...existing.sourceIds, sourceId];
      plan.relationships.push({ ...link, sourceIds });
      summary.relationships.updated += 1;
    } else summary.relationships.unchanged += 1;
  }
  for (const [key, existing] of state.relationships) {
    const [type, from, to] = key.split(' ') as [RelationshipType | 'CITES', string, string];
    if (type === 'CITES' || stating.has(key) || !existing.sourceIds.includes(sourceId)) continue;
    const sourceIds = existing.sourceIds.filter((id) => id !== sourceId);
    if (sourceIds.length === 0) {
      plan.deletedRelationships.push({ type, from, to });
      summary.relationships.deleted += 1;
    } else {
      plan.relationships.push({
        type,
        from,
        to,
        sourceIds,
        confidence: existing.confidence ?? 'REPORTED',
        properties: {},
      });
      summary.relationships.updated += 1;
    }
  }

  for (const entry of stated.values()) {
    if (entry.isNew) continue;
    if (changedIds.has(entry.id)) summary.entities.updated += 1;
    else summary.entities.unchanged += 1;
  }

  const changes =
    plan.references.length +
    plan.created.length +
    plan.updated.length +
    plan.cites.length +
    plan.claims.length +
    plan.deletedClaims.length +
    plan.relationships.length +
    plan.deletedRelationships.length;
  const wanted: Props = {
    id: sourceId,
    name: batch.source.name,
    publisher: batch.source.publisher,
    url: batch.source.url,
    license: batch.source.license,
    description:
      `${batch.source.name}, imported as published. ` + `Licence ${batch.source.license}; ${batch.source.attribution}`,
    sourceKind: 'DATABASE',
    snapshotOn: batch.source.snapshotOn,
    records: batch.records,
    sourceIds: [sourceId],
  };
  const existing = state.entities.get(sourceId)?.properties;
  const sourceChanged =
    !existing ||
    Object.entries(wanted).some(([key, value]) => !sameValue(existing[key], value)) ||
    Object.keys(existing).some((key) => !(key in wanted) && key !== 'importedAt');
  if (sourceChanged || changes > 0) plan.source = { ...wanted, importedAt: options.now };
  return plan;
}

/** Adds one record's statements to what the source states of an entity; a second, different value is a warning. */
function mergeStated(entry: Stated, entity: ImportedEntity, summary: ImportSummary): void {
  for (const [key, value] of Object.entries(entity.attributes ?? {}))
    if (!(key in entry.attributes)) entry.attributes[key] = value;
  if (entity.name !== entry.name && !entry.aliases.includes(entity.name)) entry.aliases.push(entity.name);
  for (const alias of entity.aliases ?? [])
    if (alias !== entry.name && !entry.aliases.includes(alias)) entry.aliases.push(alias);
  for (const [field, raw] of Object.entries(entity.claims)) {
    const value = encodeClaimValue(raw);
    const known = entry.claims.get(field);
    const note = entity.notes?.[field] ?? null;
    if (!known) entry.claims.set(field, { value, confidence: entity.confidence, note, at: entity.at });
    else if (known.value !== value)
      summary.warnings.push({
        at: entity.at,
        message: `${entry.id}: ${field} is ${value} here and ${known.value} at ${known.at}; the first is kept`,
      });
  }
}

/** The plan's summary as lines to print. */
export function formatSummary(summary: ImportSummary, dryRun: boolean): string[] {
  const resolved = Object.entries(summary.resolved)
    .map(([how, count]) => `${count} ${how === 'new' ? 'new' : `by ${how}`}`)
    .join(', ');
  const { entities, claims, relationships } = summary;
  const lines = [
    `${summary.source}: ${summary.records} records read${dryRun ? ' (dry run: nothing written)' : ''}`,
    `entities: ${entities.created} created, ${entities.updated} updated, ${entities.unchanged} unchanged`,
    `names resolved: ${resolved || 'none'}`,
    `ambiguous names (not imported): ${summary.ambiguous.length}`,
    ...firstOf(
      summary.ambiguous.map((entry) => `  ${entry.at}: ${entry.label} "${entry.name}" matches ${entry.ids.join(', ')}`),
      20,
    ),
    `retired entities left alone: ${summary.retired.length}`,
    `claims: ${claims.written} written, ${claims.deleted} deleted, ${claims.unchanged} unchanged`,
    `relationships: ${relationships.created} created, ${relationships.updated} updated, ` +
      `${relationships.deleted} deleted, ${relationships.unchanged} unchanged, ${relationships.skipped} skipped, ` +
      `${relationships.merged} merged into another link of the same entities`,
    `names that resolve to nothing in the graph (kept in this report, not linked): ${summary.unresolved.length}`,
    ...firstOf(
      summary.unresolved.map((entry) => `  ${entry.at}: "${entry.name}" (tried ${entry.tried.join(', ')})`),
      20,
    ),
    `claims that disagree with another source: ${summary.disagreements.length}`,
    ...firstOf(
      summary.disagreements.map(
        (entry) =>
          `  ${entry.id}.${entry.field}: ` +
          entry.values.map((value) => `${value.value} (${value.sourceId})`).join(' vs '),
      ),
      10,
    ),
    `warnings: ${summary.warnings.length}`,
    ...firstOf(
      summary.warnings.map((warning) => `  ${warning.at}: ${warning.message}`),
      10,
    ),
  ];
  return lines;
}

/** The first `count` lines, and how many more there are. */
function firstOf(lines: string[], count: number): string[] {
  return lines.length <= count ? lines : [...lines.slice(0, count), `  ... and ${lines.length - count} more`];
}
