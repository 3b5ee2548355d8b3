import { cypherFile } from '../db/cypherFile';
import { withName } from '../db/cypherNames';
import type { QueryRunner, TransactionRunner } from '../db/queryRunner';
import { deriveDependencies } from '../dependencies/deriveDependencies';
import { BadInputError, NotFoundError } from '../domain/errors';
import { encodeClaimValue } from '../domain/claims';
import {
  GRAPH,
  LABELS,
  RELATIONSHIP_TYPES,
  claimedFields,
  type Label,
  type RelationshipType,
} from '../domain/graphModel';

const CLAIMED = claimedFields(GRAPH);

/**
 * Properties the curation keeps for itself; they are not the entity's facts and never count as a change. Earlier
 * versions also kept editedBy, the key's name, which only the history's records keep now: an upsert drops it.
 */
export const BOOKKEEPING = ['editedFields', 'editedAt', 'editedBy'] as const;

/**
 * Labels of entities that other facts point at (a source its citers, a stage its participants, an industry the
 * services serving it): retiring one that live entities point at is refused, naming them.
 */
export const REFERENCED_LABELS: readonly Label[] = ['Source', 'ValueChainStage', 'Industry'];

/** A relationship a retired entity keeps for its restore, seen from the entity. */
interface KeptRelationship {
  type: RelationshipType;
  direction: 'out' | 'in';
  other: string;
  properties: Record<string, unknown>;
}

/** Relationships an upsert adds: (entity)-[type]->(target) when 'out', (target)-[type]->(entity) when 'in'. */
export interface RelationEdit {
  type: RelationshipType;
  direction: 'out' | 'in';
  target: Label;
  /** The targets, each with the relationship's own properties (a party's role) besides sources and confidence. */
  links: { id: string; properties?: Record<string, unknown> }[];
}

/** One upsert: the entity's given facts (undefined: not given, left as is; null: cleared) and what it points at. */
export interface UpsertPlan {
  label: Label;
  id: string;
  facts: Record<string, unknown>;
  sourceIds: string[];
  relations: RelationEdit[];
  /** Sources cite nothing; everything else cites its sources. */
  cites: boolean;
}

export interface MutationOutcome {
  changed: boolean;
  historyId: string | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Given the properties before and the facts given, returns the properties after and the names of those that
 * changed. Sources accumulate (a fact keeps the sources it had); the facts given replace the ones they name.
 */
export function mergeFacts(
  before: Record<string, unknown> | null,
  plan: Pick<UpsertPlan, 'id' | 'facts' | 'sourceIds' | 'cites'>,
) {
  const after: Record<string, unknown> = { ...(before ?? {}), id: plan.id };
  delete after.editedBy;
  for (const [key, value] of Object.entries(plan.facts)) {
    if (value === undefined) continue;
    if (value === null || (Array.isArray(value) && value.length === 0 && key === 'aliases')) delete after[key];
    else after[key] = value;
  }
  const sources = plan.cites
    ? [...new Set([...((before?.sourceIds as string[] | undefined) ?? []), ...plan.sourceIds])]
    : [plan.id];
  after.sourceIds = sources;
  if (plan.cites && after.confidence === undefined) after.confidence = 'REPORTED';
  const keys = new Set(
    [...Object.keys(before ?? {}), ...Object.keys(after)].filter(
      (key) => !(BOOKKEEPING as readonly string[]).includes(key),
    ),
  );
  const changed = [...keys].filter((key) => !same(before?.[key], after[key])).sort();
  return { after, changed };
}

/** Only the named properties of a map, for the history's before and after. */
const pick = (properties: Record<string, unknown> | null, keys: string[]) =>
  properties === null
    ? null
    : Object.fromEntries(keys.filter((key) => properties[key] !== undefined).map((key) => [key, properties[key]]));

/**
 * Writes the curation's mutations, each in ONE write transaction with the request timeout: it checks what the
 * mutation points at, locks the entity (so concurrent edits of one entity queue), writes, re-derives the
 * dependencies and records the change in history, or writes nothing at all.
 */
export class CurationRepository {
  constructor(
    private readonly runner: QueryRunner,
    private readonly timeoutMs: number,
  ) {}

  private transaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.runner.inWriteTransaction(work, { timeoutMs: this.timeoutMs });
  }

  /** Refuses (BAD_USER_INPUT) when any ref is not an entity of its label, naming every one. */
  private async requireRefs(tx: TransactionRunner, refs: { id: string; label: Label }[]): Promise<void> {
    if (refs.length === 0) return;
    const missing = await tx.run(cypherFile('curation/missing'), { refs });
    if (missing.length === 0) return;
    const described = missing.map((row) => {
      const actual = row.actual as string[];
      return actual.length === 0
        ? `no ${row.label} has id "${row.id}"`
        : `"${row.id}" is a ${actual.join('/')}, not a ${row.label}`;
    });
    throw new BadInputError(`${described.join('; ')}.`);
  }

  private async record(
    tx: TransactionRunner,
    entityId: string,
    by: string,
    action: string,
    before: unknown,
    after: unknown,
    sourceIds: string[],
  ): Promise<string> {
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    const [row] = await tx.run(cypherFile('curation/history'), {
      entityId,
      by,
      action,
      before: json(before),
      after: json(after),
      sourceIds,
    });
    return row.id as string;
  }

  /** Creates or updates an entity with its sources and relations; reports whether anything changed. */
  upsert(plan: UpsertPlan, by: string): Promise<MutationOutcome> {
    return this.transaction(async (tx) => {
      const [state] = await tx.run(cypherFile('curation/state'), { id: plan.id });
      if (state.retired)
        throw new BadInputError(`"${plan.id}" is retired; restore it first (restore(id: "${plan.id}")).`);
      const labels = (state.labels as string[] | null) ?? [];
      if (labels.length > 0 && !labels.includes(plan.label))
        throw new BadInputError(
          `"${plan.id}" is a ${labels.join('/')}, not a ${plan.label}; ids are unique across kinds.`,
        );
      await this.requireRefs(tx, [
        // A source is its own provenance: it cites nothing that must exist first.
        ...(plan.cites ? plan.sourceIds.map((id) => ({ id, label: 'Source' as Label })) : []),
        ...plan.relations.flatMap((relation) =>
          relation.links.map((link) => ({ id: link.id, label: relation.target })),
        ),
      ]);

      const [locked] = await tx.run(withName(cypherFile('curation/lock'), '__LABEL__', plan.label, LABELS), {
        id: plan.id,
      });
      const before = locked.created ? null : (locked.before as Record<string, unknown>);
      const { after, changed } = mergeFacts(before, plan);
      if (changed.length > 0) {
        const edited = [...new Set([...((before?.editedFields as string[] | undefined) ?? []), ...changed])].sort();
        await tx.run(withName(cypherFile('curation/set-properties'), '__LABEL__', plan.label, LABELS), {
          id: plan.id,
          properties: { ...after, editedFields: edited, editedAt: new Date().toISOString() },
        });
        const claimed = changed.filter((field) => CLAIMED[plan.label]?.includes(field));
        if (claimed.length > 0 && plan.sourceIds.length > 0)
          await tx.run(cypherFile('curation/editor-claims'), {
            id: plan.id,
            sourceId: plan.sourceIds[0],
            claims: claimed.map((field) => ({
              field,
              value: encodeClaimValue((after[field] as number | string | null | undefined) ?? null),
              confidence: (after.confidence as string | undefined) ?? 'REPORTED',
            })),
          });
      }
      if (plan.cites) await tx.run(cypherFile('curation/cite'), { id: plan.id, sourceIds: plan.sourceIds });
      const added: { type: string; from: string; to: string }[] = [];
      for (const relation of plan.relations) {
        const links = relation.links.map((link) => {
          const [from, to] = relation.direction === 'out' ? [plan.id, link.id] : [link.id, plan.id];
          return {
            from,
            to,
            properties: {
              sourceIds: plan.sourceIds,
              confidence: (after.confidence as string | undefined) ?? 'REPORTED',
              ...link.properties,
            },
          };
        });
        const [row] = await tx.run(
          withName(cypherFile('curation/link'), '__TYPE__', relation.type, RELATIONSHIP_TYPES),
          { links },
        );
        for (const [from, to] of row.added as [string, string][]) added.push({ type: relation.type, from, to });
      }
      if (changed.length === 0 && added.length === 0) return { changed: false, historyId: null };
      await deriveDependencies(tx);
      const action = before === null ? 'CREATE' : 'UPDATE';
      const afterRecord = { ...pick(after, changed), ...(added.length > 0 && { added }) };
      const historyId = await this.record(
        tx,
        plan.id,
        by,
        action,
        pick(
          before,
          changed.filter((key) => before?.[key] !== undefined),
        ),
        afterRecord,
        plan.sourceIds,
      );
      return { changed: true, historyId };
    });
  }

  /** Adds one relationship between existing entities, citing its sources. */
  link(
    type: RelationshipType,
    from: { id: string; label: Label },
    to: { id: string; label: Label },
    sourceIds: string[],
    by: string,
  ): Promise<MutationOutcome> {
    return this.transaction(async (tx) => {
      await this.requireRefs(tx, [from, to, ...sourceIds.map((id) => ({ id, label: 'Source' as Label }))]);
      await tx.run(cypherFile('curation/lock-existing'), { id: from.id });
      const links = [{ from: from.id, to: to.id, properties: { sourceIds, confidence: 'REPORTED' } }];
      const [row] = await tx.run(withName(cypherFile('curation/link'), '__TYPE__', type, RELATIONSHIP_TYPES), {
        links,
      });
      if ((row.added as unknown[]).length === 0) return { changed: false, historyId: null };
      await deriveDependencies(tx);
      const historyId = await this.record(
        tx,
        from.id,
        by,
        'LINK',
        null,
        { added: [{ type, from: from.id, to: to.id }] },
        sourceIds,
      );
      return { changed: true, historyId };
    });
  }

  /** Refuses (BAD_USER_INPUT) to retire a source, stage or industry that live entities point at, naming them. */
  private async requireUnreferenced(tx: TransactionRunner, id: string, label: Label): Promise<void> {
    if (!REFERENCED_LABELS.includes(label)) return;
    const [row] = await tx.run(cypherFile('curation/citers'), { id });
    const count = row.count as number;
    if (count === 0) return;
    const ids = row.ids as string[];
    const some = `such as ${ids.slice(0, 3).join(', ')}${count > 3 ? ', ...' : ''}`;
    throw new BadInputError(
      label === 'Source'
        ? `"${id}" is cited by ${count} ${count === 1 ? 'entity' : 'entities'}, ${some}; ` +
            'retire them or make them cite another source first.'
        : `"${id}" is a ${label} that ${count} ${count === 1 ? 'entity points' : 'entities point'} at, ${some}; ` +
            'retire them first.',
    );
  }

  /**
   * Takes an entity out of every query, analytic and export, keeping it (and its history) for restore. Its
   * relationships go into it as JSON texts, so no expansion from a live entity reaches it.
   */
  retire(id: string, reason: string, by: string): Promise<MutationOutcome> {
    return this.transaction(async (tx) => {
      const [row] = await tx.run(cypherFile('curation/lock-existing'), { id });
      if (!row) throw new NotFoundError(`no entity has id "${id}"`);
      const labels = row.labels as string[];
      if (labels.includes('Retired')) return { changed: false, historyId: null };
      const label = labels.find((candidate) => (LABELS as readonly string[]).includes(candidate)) as Label;
      await this.requireUnreferenced(tx, id, label);
      const kept = await tx.run(cypherFile('curation/relationships-of'), { id });
      await tx.run(withName(cypherFile('curation/retire'), '__LABEL__', label, LABELS), {
        id,
        reason,
        by,
        relationships: kept.map((relationship) => JSON.stringify(relationship)),
      });
      await deriveDependencies(tx);
      const historyId = await this.record(tx, id, by, 'RETIRE', { retired: false }, { retired: true, reason }, []);
      return { changed: true, historyId };
    });
  }

  /**
   * Re-creates the relationships a restored entity kept: those to live entities at once; those to an entity that is
   * itself retired go to the relationships that one keeps, for its own restore.
   */
  private async relink(tx: TransactionRunner, id: string, texts: string[]): Promise<void> {
    const kept = texts.map((text) => JSON.parse(text) as KeptRelationship);
    if (kept.length === 0) return;
    const ends = await tx.run(cypherFile('curation/ends'), { ids: [...new Set(kept.map((r) => r.other))] });
    const retired = new Map(ends.map((end) => [end.id as string, end.retired as boolean]));
    const byType = new Map<RelationshipType, { from: string; to: string; properties: Record<string, unknown> }[]>();
    const forRetired = new Map<string, string[]>();
    for (const relationship of kept) {
      const state = retired.get(relationship.other);
      if (state === true) {
        const flipped = { ...relationship, direction: relationship.direction === 'out' ? 'in' : 'out', other: id };
        forRetired.set(relationship.other, [...(forRetired.get(relationship.other) ?? []), JSON.stringify(flipped)]);
      } else if (state === false) {
        const [from, to] = relationship.direction === 'out' ? [id, relationship.other] : [relationship.other, id];
        byType.set(relationship.type, [
          ...(byType.get(relationship.type) ?? []),
          { from, to, properties: relationship.properties },
        ]);
      }
    }
    for (const [type, links] of byType)
      await tx.run(
        // Claims: several between one entity and one source, one per field and tier.
        (type as string) === 'CLAIM'
          ? cypherFile('curation/link-claims')
          : withName(cypherFile('curation/link'), '__TYPE__', type, RELATIONSHIP_TYPES),
        { links },
      );
    if (forRetired.size > 0) {
      await tx.run(cypherFile('curation/keep-relationships'), {
        kept: [...forRetired].map(([other, relationships]) => ({ id: other, relationships })),
      });
    }
  }

  /** Brings a retired entity back as it was, with its relationships and derived dependencies. */
  restore(id: string, by: string): Promise<MutationOutcome> {
    return this.transaction(async (tx) => {
      const [row] = await tx.run(cypherFile('curation/lock-existing'), { id });
      if (!row) throw new NotFoundError(`no entity has id "${id}"`);
      const properties = row.properties as Record<string, unknown>;
      if (!(row.labels as string[]).includes('Retired')) return { changed: false, historyId: null };
      const [restored] = await tx.run(
        withName(cypherFile('curation/restore'), '__LABEL__', String(properties.retiredLabel), LABELS),
        { id },
      );
      await this.relink(tx, id, restored.relationships as string[]);
      await deriveDependencies(tx);
      const historyId = await this.record(
        tx,
        id,
        by,
        'RESTORE',
        { retired: true, reason: properties.retiredReason },
        { retired: false },
        [],
      );
      return { changed: true, historyId };
    });
  }

  /**
   * Every audit record of an entity, oldest first. Retired entities keep theirs, given only with `includeRetired`
   * (to editors): to anyone else a retired entity has none.
   */
  async history(id: string, { includeRetired }: { includeRetired: boolean }): Promise<Record<string, unknown>[]> {
    const rows = await this.runner.read(cypherFile('curation/history-of'), { id, includeRetired });
    return rows.map((row) => row.record as Record<string, unknown>);
  }
}
