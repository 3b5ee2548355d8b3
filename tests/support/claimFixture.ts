/**
 * Claims on top of the seed graph, written with plain Cypher in the storage shape of docs/claims.md: two imported
 * databases (Source nodes with sourceKind DATABASE), CLAIM relationships of three tiers that disagree, and
 * relationships (a parent, a base model, training chips and cloud, an extra developer) whose sourceIds name a
 * database. The writers of claims (seed, imports, curation) keep the same shape; until they land, tests write it here.
 * Tests compute their expectations from the constants below, not from the API's answers.
 */
import { DEFAULT_SOURCE_PRECEDENCE, encodeClaimValue, preferredClaims, type Claim } from '../../src/domain/claims';
import type { ClaimTier, Confidence } from '../../src/domain/enums';
import { deriveDependencies } from '../../src/dependencies/deriveDependencies';
import { integer } from '../../src/db/integer';
import type { QueryRunner } from '../../src/db/queryRunner';

/** The report every seed model cites first. */
export const REPORT = 'eximbank-2023-generative-ai';

export const EPOCH = {
  id: 'epoch-ai-models',
  name: 'Epoch AI: Notable AI Models',
  publisher: 'Epoch AI',
  url: 'https://epoch.ai/data/ai-models',
  sourceKind: 'DATABASE',
  license: 'CC-BY-4.0',
  snapshotOn: '2025-11-20',
  importedAt: '2026-01-05T10:00:00.000Z',
  records: 2228,
};

export const ECOSYSTEM = {
  id: 'ecosystem-graphs',
  name: 'Stanford CRFM Ecosystem Graphs',
  publisher: 'Stanford CRFM',
  url: 'https://crfm.stanford.edu/ecosystem-graphs/',
  sourceKind: 'DATABASE',
  license: 'Apache-2.0',
  snapshotOn: '2025-06-01',
  importedAt: '2026-01-05T11:00:00.000Z',
  records: 900,
};

/** A record's own reference: a DOCUMENT source (no sourceKind stored). */
export const ALPACA_POST = {
  id: 'stanford-crfm-2023-alpaca',
  name: 'Alpaca: A Strong, Replicable Instruction-Following Model',
  publisher: 'Stanford CRFM',
  publishedOn: '2023-03-13',
  url: 'https://crfm.stanford.edu/2023/03/13/alpaca.html',
};

/** A model only the database and its reference know, built on LLaMA. */
export const ALPACA = {
  id: 'alpaca',
  name: 'Alpaca',
  releasedOn: '2023-03',
  confidence: 'REPORTED',
  sourceIds: [EPOCH.id, ALPACA_POST.id],
};

/** One claim to write: the entity, its field, the value (encoded on writing), its source, tier and confidence. */
export interface FixtureClaim {
  entity: string;
  field: string;
  value: number | string;
  source: string;
  tier: ClaimTier;
  confidence: Confidence;
}

const claim = (
  entity: string,
  field: string,
  value: number | string,
  source: string,
  tier: ClaimTier,
  confidence: Confidence = 'REPORTED',
): FixtureClaim => ({ entity, field, value, source, tier, confidence });

export const CLAIMS: FixtureClaim[] = [
  claim('gpt-3', 'parameters', 175e9, REPORT, 'SEED'),
  claim('gpt-3', 'parameters', 175e9, EPOCH.id, 'DATABASE', 'CONFIRMED'),
  claim('gpt-3', 'parameters', 200e9, ECOSYSTEM.id, 'DATABASE'),
  claim('gpt-3', 'releasedOn', '2020-06', REPORT, 'SEED'),
  claim('gpt-3', 'releasedOn', '2020-05-28', EPOCH.id, 'DATABASE', 'CONFIRMED'),
  claim('gpt-3', 'trainingComputeFlop', 3.14e23, EPOCH.id, 'DATABASE', 'CONFIRMED'),
  claim('gpt-3', 'trainingComputeFlop', 3.0e23, ECOSYSTEM.id, 'DATABASE', 'UNCERTAIN'),
  claim('gpt-4', 'trainingComputeFlop', 2.1e25, EPOCH.id, 'DATABASE', 'UNCERTAIN'),
  // The same month as the report's "2023-03", to the day: no disagreement.
  claim('gpt-4', 'releasedOn', '2023-03-15', EPOCH.id, 'DATABASE', 'CONFIRMED'),
  claim('palm-2', 'parameters', 540e9, REPORT, 'SEED'),
  claim('palm-2', 'parameters', 340e9, ALPACA_POST.id, 'EDITOR', 'CONFIRMED'),
  claim('palm-2', 'parameters', 340e9, EPOCH.id, 'DATABASE'),
  claim('palm-2', 'trainingComputeFlop', 7.34e24, EPOCH.id, 'DATABASE'),
  claim('llama', 'trainingComputeFlop', 5.5e23, EPOCH.id, 'DATABASE'),
  claim('alpaca', 'trainingComputeFlop', 6.0e18, EPOCH.id, 'DATABASE'),
  claim('alpaca', 'releasedOn', '2023-03', EPOCH.id, 'DATABASE'),
];

/** Relationships the fixture adds, each stated by the sources named. */
export const RELATIONSHIPS: { type: string; from: string; to: string; sourceIds: string[]; confidence: Confidence }[] =
  [
    { type: 'SUBSIDIARY_OF', from: 'deepmind', to: 'google', sourceIds: [EPOCH.id], confidence: 'CONFIRMED' },
    { type: 'SUBSIDIARY_OF', from: 'lg-ai-research', to: 'lg', sourceIds: [EPOCH.id], confidence: 'CONFIRMED' },
    {
      type: 'DEVELOPS',
      from: 'stanford-hai',
      to: 'alpaca',
      sourceIds: [EPOCH.id, ALPACA_POST.id],
      confidence: 'REPORTED',
    },
    { type: 'BASED_ON', from: 'alpaca', to: 'llama', sourceIds: [EPOCH.id, ALPACA_POST.id], confidence: 'CONFIRMED' },
    { type: 'TRAINED_ON_CHIPS_OF', from: 'gpt-3', to: 'nvidia', sourceIds: [EPOCH.id], confidence: 'REPORTED' },
    { type: 'TRAINED_IN_CLOUD_OF', from: 'gpt-3', to: 'microsoft', sourceIds: [EPOCH.id], confidence: 'REPORTED' },
    // The database names a second developer of PaLM 2 where the report names Google alone: a relationship conflict.
    { type: 'DEVELOPS', from: 'deepmind', to: 'palm-2', sourceIds: [EPOCH.id], confidence: 'REPORTED' },
  ];

/** The database also states relationships the seed has: it joins their sourceIds. */
export const ALSO_STATED: { type: string; from: string; to: string; source: string }[] = [
  { type: 'DEVELOPS', from: 'google', to: 'palm-2', source: EPOCH.id },
  { type: 'DEVELOPS', from: 'openai', to: 'gpt-3', source: EPOCH.id },
  { type: 'DEVELOPS', from: 'meta', to: 'llama', source: EPOCH.id },
];

/** The fixture's claims as stored, with the flag precedence gives them (the writers set it the same way). */
export function storedClaims(snapshotOf: (source: string) => string | null): (FixtureClaim & { preferred: boolean })[] {
  const byEntity = new Map<string, FixtureClaim[]>();
  for (const one of CLAIMS) byEntity.set(one.entity, [...(byEntity.get(one.entity) ?? []), one]);
  return [...byEntity.values()].flatMap((claims) => {
    const asClaims: Claim[] = claims.map((one) => ({
      field: one.field,
      value: encodeClaimValue(one.value),
      sourceId: one.source,
      confidence: one.confidence,
      tier: one.tier,
      snapshotOn: snapshotOf(one.source),
    }));
    const preferred = new Set(preferredClaims(asClaims, DEFAULT_SOURCE_PRECEDENCE).values());
    return claims.map((one, index) => ({ ...one, preferred: preferred.has(asClaims[index]) }));
  });
}

const snapshotOf = (source: string) => [EPOCH, ECOSYSTEM].find((db) => db.id === source)?.snapshotOn ?? null;

/**
 * Writes the fixture on a seeded graph: the sources, the Alpaca model, the relationships, the claims (and each
 * entity's property set to its preferred claim's value), then re-derives the dependencies. The seed's own claims and
 * relationships are merged with, not repeated.
 */
export async function writeClaimFixture(runner: QueryRunner): Promise<void> {
  await runner.inWriteTransaction(async (tx) => {
    await tx.run('UNWIND $sources AS source CREATE (s:Entity:Source) SET s = source', {
      // records is an integer property: sent as a Neo4j INTEGER, as the importer writes it.
      sources: [...[EPOCH, ECOSYSTEM].map((db) => ({ ...db, records: integer(db.records) })), ALPACA_POST],
    });
    await tx.run(
      `CREATE (m:Entity:FoundationModel) SET m = $alpaca, m.aliases = []
       WITH m UNWIND m.sourceIds AS sourceId MATCH (s:Source {id: sourceId}) CREATE (m)-[:CITES]->(s)`,
      { alpaca: ALPACA },
    );
    for (const rel of RELATIONSHIPS)
      await tx.run(
        `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
         MERGE (a)-[r:${rel.type}]->(b)
         SET r.sourceIds = coalesce(r.sourceIds, []) + $sourceIds, r.confidence = coalesce(r.confidence, $confidence)`,
        rel,
      );
    for (const rel of ALSO_STATED)
      await tx.run(
        `MATCH (:Entity {id: $from})-[r:${rel.type}]->(:Entity {id: $to}) SET r.sourceIds = r.sourceIds + $source`,
        rel,
      );
    const claims = storedClaims(snapshotOf).map((one) => ({ ...one, value: encodeClaimValue(one.value) }));
    await tx.run(
      `UNWIND $claims AS claim
       MATCH (e:Entity {id: claim.entity}), (s:Source {id: claim.source})
       MERGE (e)-[c:CLAIM {field: claim.field, tier: claim.tier}]->(s)
       SET c.value = claim.value, c.confidence = claim.confidence, c.preferred = claim.preferred`,
      { claims },
    );
    // The entity's property holds the preferred value, as the writers keep it.
    for (const one of storedClaims(snapshotOf).filter((stored) => stored.preferred))
      await tx.run(`MATCH (e:Entity {id: $entity}) SET e.${one.field} = $value`, { ...one });
    await deriveDependencies(tx);
  });
}
