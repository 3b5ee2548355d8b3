/**
 * Claims: what each source states about an entity's field, and which statement the entity shows. Stored as
 * `(entity)-[:CLAIM {field, value, confidence, tier, preferred}]->(source)`, one per entity, field, source and tier
 * (docs/claims.md). Pure functions: the seed, the imports and curation write claims; the API reads them.
 */
import { CLAIM_TIERS, type ClaimTier, type Confidence } from './enums';

/** Imported databases in the order their claims are preferred, when the configuration names none. */
export const DEFAULT_SOURCE_PRECEDENCE: readonly string[] = [
  'epoch-ai-models',
  'ecosystem-graphs',
  'models-dev',
  'epoch-ai-chip-counts',
];

/** One claim as stored: the field, its value as JSON text, the source that states it, how, and at which tier. */
export interface Claim {
  field: string;
  /** JSON text: a number, a string, or a list of entity ids. */
  value: string;
  sourceId: string;
  confidence: Confidence;
  tier: ClaimTier;
  /** The source's snapshot date (a database's), newest first within one source; null for documents. */
  snapshotOn?: string | null;
  /** The source's own explanation of the value (Ecosystem Graphs' `explanation`); absent when it gives none. */
  note?: string | null;
}

/**
 * A value as a claim stores it: JSON text, with a list's ids sorted so equal sets are equal text. Only an editor's
 * claim may be null (the editor cleared the field); a source that gives no value makes no claim.
 */
export function encodeClaimValue(value: number | string | readonly string[] | null): string {
  return JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
}

/** A claim's stored text back as the value the entity's property holds. */
export function decodeClaimValue(text: string): number | string | string[] | null {
  return JSON.parse(text) as number | string | string[] | null;
}

/**
 * Given two claims on one field and the databases' order, returns < 0 when `a` is preferred: an editor's change,
 * then the curated seed files, then each database in the configured order (a database the order does not name comes
 * after those it does, by id), the newest snapshot first within one source; ties by source id so the choice is
 * stable.
 */
export function comparePrecedence(a: Claim, b: Claim, precedence: readonly string[]): number {
  const tier = CLAIM_TIERS.indexOf(a.tier) - CLAIM_TIERS.indexOf(b.tier);
  if (tier !== 0) return tier;
  if (a.tier === 'DATABASE') {
    const rank = (claim: Claim) => {
      const index = precedence.indexOf(claim.sourceId);
      return index < 0 ? precedence.length : index;
    };
    const byOrder = rank(a) - rank(b);
    if (byOrder !== 0) return byOrder;
  }
  const snapshot = (b.snapshotOn ?? '').localeCompare(a.snapshotOn ?? '');
  if (snapshot !== 0) return snapshot;
  return a.sourceId.localeCompare(b.sourceId);
}

/** Given one entity's claims, returns the preferred claim of each field (by comparePrecedence). */
export function preferredClaims(claims: readonly Claim[], precedence: readonly string[]): Map<string, Claim> {
  const preferred = new Map<string, Claim>();
  for (const claim of claims) {
    const current = preferred.get(claim.field);
    if (!current || comparePrecedence(claim, current, precedence) < 0) preferred.set(claim.field, claim);
  }
  return preferred;
}

/** Claims sorted preferred first (the order `claims(field)` and `conflicts` list them in, within a field). */
export function byPrecedence<T extends Claim>(claims: readonly T[], precedence: readonly string[]): T[] {
  return [...claims].sort((a, b) => a.field.localeCompare(b.field) || comparePrecedence(a, b, precedence));
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * How far apart the values of one field's claims are, or null when they agree: for numbers, the spread relative to
 * the largest magnitude ((max - min) / max |v|), a disagreement only above `tolerance`; for partial dates, compared
 * at the precision of the least precise ("2023-03" agrees with "2023-03-15"), 1 when they differ; for any other
 * values (strings, id lists), 1 when they differ.
 */
export function disagreement(values: readonly string[], tolerance: number): number | null {
  const distinct = [...new Set(values)];
  if (distinct.length < 2) return null;
  const parsed = distinct.map((text) => JSON.parse(text) as unknown);
  if (parsed.every((value) => typeof value === 'string' && PARTIAL_DATE.test(value))) {
    const dates = parsed as string[];
    const precision = Math.min(...dates.map((date) => date.length));
    return new Set(dates.map((date) => date.slice(0, precision))).size > 1 ? 1 : null;
  }
  if (parsed.every((value) => typeof value === 'number')) {
    const numbers = parsed as number[];
    const largest = Math.max(...numbers.map(Math.abs));
    if (largest === 0) return null;
    const spread = (Math.max(...numbers) - Math.min(...numbers)) / largest;
    return spread > tolerance ? spread : null;
  }
  return 1;
}
