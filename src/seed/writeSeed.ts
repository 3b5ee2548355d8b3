import { cypherFile } from '../db/cypherFile';
import { withName } from '../db/cypherNames';
import type { QueryRunner, TransactionRunner } from '../db/queryRunner';
import type { PropertyValue, SeedGraph } from './seedGraph';
import { DependencyCounts, deriveDependencies } from '../dependencies/deriveDependencies';
import { toParams } from '../db/toParams';
import { Claim, DEFAULT_SOURCE_PRECEDENCE } from '../domain/claims';
import { LABELS } from '../domain/graphModel';
import { RELATIONSHIP_TYPES } from './seedSpec';
import { ForeignFacts, claimKey, seedClaimsOf, withClaims } from './seedClaims';

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface WriteReport {
  nodes: WriteCounts;
  relationships: WriteCounts;
  /** The seed's claims (CLAIM relationships); `deleted`: claims the files no longer state. */
  claims: WriteCounts & { deleted: number };
  /** Nodes removed by --reset before writing. */
  deleted: number;
  /** Entities in the database that the seed files do not define (kept; --reset drops them). */
  stale: number;
  /** Relationships of the seed's types that the seed files do not define (kept; --reset drops them). */
  staleRelationships: number;
  dependencies: DependencyCounts;
}

export interface WriteOptions {
  reset: boolean;
  batchSize: number;
  onProgress?: (line: string) => void;
  /** Imported databases in the order their claims are preferred (config.sourcePrecedence). */
  precedence?: readonly string[];
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

async function mergeBatches(
  tx: TransactionRunner,
  query: string,
  rows: unknown[],
  batchSize: number,
  totals: WriteCounts,
  parameters: Record<string, unknown> = {},
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const batch of chunks(rows, batchSize)) {
    const [row] = await tx.run(query, { ...parameters, rows: batch });
    const written = row as unknown as WriteCounts;
    if (written.created + written.updated + written.unchanged !== batch.length) {
      throw new Error(
        `a batch of ${batch.length} wrote only ${written.created + written.updated + written.unchanged} rows`,
      );
    }
    for (const key of ['created', 'updated', 'unchanged'] as const) {
      counts[key] += written[key];
      totals[key] += written[key];
    }
  }
  return counts;
}

const describe = (counts: WriteCounts) =>
  `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;

/** What the API changed: edited entities (by id, with all their properties) and retired ids. */
async function curated(
  tx: TransactionRunner,
): Promise<{ edited: Map<string, Record<string, unknown>>; retired: Set<string> }> {
  const [row] = await tx.run(cypherFile('seed/curated'));
  const edited = new Map(
    (row.edited as { id: string; properties: Record<string, unknown> }[]).map((entry) => [entry.id, entry.properties]),
  );
  return { edited, retired: new Set(row.retired as string[]) };
}

/**
 * A seed node's properties with the fields an editor changed through the API kept as the editor left them (edits
 * are newer than the files), and the record of which fields those are.
 */
export function withEdits(
  properties: Record<string, PropertyValue>,
  current: Record<string, unknown> | undefined,
): Record<string, PropertyValue> {
  if (!current) return properties;
  const fields = (current.editedFields as string[] | undefined) ?? [];
  const merged: Record<string, unknown> = { ...properties };
  for (const field of fields) merged[field] = current[field] ?? null;
  for (const field of ['editedFields', 'editedAt']) merged[field] = current[field] ?? null;
  return merged as Record<string, PropertyValue>;
}

/** What the graph holds of the seed's entities beyond the seed (claims of other tiers, other sources), by id. */
async function foreignFacts(
  tx: TransactionRunner,
  ids: string[],
  seedSources: string[],
  batchSize: number,
): Promise<Map<string, ForeignFacts>> {
  const facts = new Map<string, ForeignFacts>();
  for (const batch of chunks(ids, batchSize)) {
    for (const row of await tx.run(cypherFile('seed/foreign'), { ids: batch, seedSources }))
      facts.set(row.id as string, {
        claims: row.claims as ForeignFacts['claims'],
        sourceIds: row.sourceIds as string[],
      });
  }
  return facts;
}

/**
 * Writes a validated graph in ONE write transaction of batched UNWIND ... MERGE statements, so a failure leaves the
 * database as it was. Edits made through the API survive: an edited entity keeps its edited fields, a retired one
 * stays retired (with the relationships the files give it left out), and what the files do not define is kept.
 */
export async function writeSeed(runner: QueryRunner, graph: SeedGraph, options: WriteOptions): Promise<WriteReport> {
  const progress = options.onProgress ?? (() => undefined);
  return runner.inWriteTransaction(async (tx) => {
    const report: WriteReport = {
      nodes: { created: 0, updated: 0, unchanged: 0 },
      relationships: { created: 0, updated: 0, unchanged: 0 },
      deleted: 0,
      stale: 0,
      staleRelationships: 0,
      claims: { created: 0, updated: 0, unchanged: 0, deleted: 0 },
      dependencies: { written: 0, deleted: 0, unchanged: 0 },
    };
    const precedence = options.precedence ?? DEFAULT_SOURCE_PRECEDENCE;
    const seedSources = graph.nodes.filter((node) => node.label === 'Source').map((node) => node.id);
    if (options.reset) {
      const [row] = await tx.run(cypherFile('seed/delete-all'));
      report.deleted = row.deleted as number;
      progress(`reset: deleted ${report.deleted} nodes`);
    }
    const { edited, retired } = await curated(tx);
    const live = graph.nodes.filter((node) => !retired.has(node.id));
    const foreign = options.reset
      ? new Map<string, ForeignFacts>()
      : await foreignFacts(
          tx,
          live.map((node) => node.id),
          seedSources,
          options.batchSize,
        );
    const claimRows: Record<string, unknown>[] = [];
    const preferenceRows: Record<string, unknown>[] = [];
    const propertiesById = new Map<string, Record<string, unknown>>();
    for (const node of live) {
      const seedClaims = seedClaimsOf(node);
      const facts = foreign.get(node.id);
      const { properties, preferred } = withClaims(
        node.label,
        withEdits(node.properties, edited.get(node.id)),
        seedClaims,
        facts,
        precedence,
      );
      propertiesById.set(node.id, toParams(properties));
      const isPreferred = (claim: Claim) => preferred.get(claim.field) === claim;
      for (const claim of seedClaims)
        claimRows.push({
          id: node.id,
          field: claim.field,
          value: claim.value,
          sourceId: claim.sourceId,
          confidence: claim.confidence,
          preferred: isPreferred(claim),
        });
      for (const claim of facts?.claims ?? [])
        if (claim.preferred !== isPreferred(claim))
          preferenceRows.push({
            id: node.id,
            field: claim.field,
            sourceId: claim.sourceId,
            tier: claim.tier,
            preferred: !claim.preferred,
          });
    }
    for (const label of LABELS) {
      const rows = live
        .filter((node) => node.label === label)
        .map((node) => ({ id: node.id, properties: propertiesById.get(node.id) }));
      if (rows.length === 0) continue;
      const query = withName(cypherFile('seed/merge-nodes'), '__LABEL__', label, LABELS);
      const counts = await mergeBatches(tx, query, rows, options.batchSize, report.nodes);
      progress(`nodes ${label}: ${rows.length} (${describe(counts)})`);
    }
    for (const type of RELATIONSHIP_TYPES) {
      const rows = graph.relationships
        .filter((rel) => rel.type === type && !retired.has(rel.from) && !retired.has(rel.to))
        .map((rel) => ({ from: rel.from, to: rel.to, properties: toParams(rel.properties) }));
      if (rows.length === 0) continue;
      const query = withName(cypherFile('seed/merge-relationships'), '__TYPE__', type, RELATIONSHIP_TYPES);
      const counts = await mergeBatches(tx, query, rows, options.batchSize, report.relationships, { seedSources });
      progress(`relationships ${type}: ${rows.length} (${describe(counts)})`);
    }
    if (!options.reset) {
      const keys = claimRows.map((row) =>
        claimKey(row.id as string, { field: row.field as string, sourceId: row.sourceId as string, tier: 'SEED' }),
      );
      for (const ids of chunks(
        live.map((node) => node.id),
        options.batchSize,
      )) {
        const [row] = await tx.run(cypherFile('seed/delete-stale-claims'), { ids, keys });
        report.claims.deleted += row.deleted as number;
      }
    }
    const claimCounts = await mergeBatches(
      tx,
      // After --reset there is no claim to merge with.
      cypherFile(options.reset ? 'seed/create-claims' : 'seed/merge-claims'),
      claimRows,
      options.batchSize,
      report.claims,
    );
    for (const rows of chunks(preferenceRows, options.batchSize))
      await tx.run(cypherFile('seed/set-preferred'), { rows });
    progress(`claims: ${claimRows.length} (${describe(claimCounts)}, ${report.claims.deleted} deleted)`);
    report.dependencies = await deriveDependencies(tx);
    const { written, deleted, unchanged } = report.dependencies;
    progress(`dependencies: ${written} written, ${deleted} deleted, ${unchanged} unchanged`);
    const [stale] = await tx.run(cypherFile('seed/count-stale'), {
      ids: graph.nodes.map((node) => node.id),
      types: RELATIONSHIP_TYPES,
      seedSources,
    });
    report.stale = stale.stale as number;
    report.staleRelationships = (stale.relationships as number) - graph.relationships.length;
    return report;
  });
}
