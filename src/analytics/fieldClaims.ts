/**
 * The claims an entity's fields are served with (docs/claims.md): property claims as their CLAIM relationships store
 * them, and relationship-field claims derived from the `sourceIds` of the field's relationships. Pure functions.
 */
import { comparePrecedence, encodeClaimValue, type Claim } from '../domain/claims';
import { CONFIDENCE, type Confidence } from '../domain/enums';
import { claimedFields, GRAPH, type Label, type RelationshipType } from '../domain/graphModel';

/** A claim as the API serves it: the stored claim and whether it is the one the entity's field shows. */
export interface ServedClaim extends Claim {
  preferred: boolean;
  /** The source's explanation of a property claim (the CLAIM relationship's note), where it gives one. */
  note?: string | null;
}

/** A source named in a relationship's sourceIds, with what precedence needs of it. */
export interface LinkSource {
  id: string;
  sourceKind: string | null;
  snapshotOn: string | null;
}

/** One relationship of an entity as read: its type, whether it leaves the entity, the other end, who states it. */
export interface LinkRow {
  type: RelationshipType;
  out: boolean;
  other: string;
  confidence: string | null;
  sources: LinkSource[];
}

const CLAIMED = claimedFields(GRAPH);

/** Given a label, returns the names of its fields that have claims: claimed properties, then relationship fields. */
export function claimFieldsOf(label: Label): string[] {
  const relationFields = Object.values(GRAPH.relationships).flatMap((spec) => [
    ...(spec.from === label ? [spec.fields.out] : []),
    ...(spec.to === label ? [spec.fields.in] : []),
  ]);
  return [...CLAIMED[label], ...relationFields];
}

/**
 * Given a label, returns its relationship fields read from the end that does not state the relationship: a company's
 * `models` (each model names its developers), a model's `services` (each service names its models). A source that
 * lists more of a company's models than another is not disagreeing with it, so conflicts leave these fields out.
 */
export function reverseFieldsOf(label: Label): string[] {
  return Object.values(GRAPH.relationships).flatMap((spec) => {
    const other = spec.seed.on === 'from' ? spec.to : spec.from;
    if (other !== label) return [];
    return [spec.seed.on === 'from' ? spec.fields.in : spec.fields.out];
  });
}

/** Given a relationship type and whether it leaves the entity, returns the entity's field that follows it. */
function relationFieldOf(type: RelationshipType, out: boolean): string {
  const spec = GRAPH.relationships[type];
  return out ? spec.fields.out : spec.fields.in;
}

/** The least firm of some confidences (UNCERTAIN over REPORTED over CONFIRMED); REPORTED when none is given. */
function weakest(confidences: readonly (string | null)[]): Confidence {
  const rank = (value: string | null) => CONFIDENCE.indexOf((value ?? 'REPORTED') as Confidence);
  return CONFIDENCE[Math.max(...confidences.map(rank))];
}

/**
 * Given an entity's relationships and the databases' order, returns the claims of its relationship fields: each
 * source in the sourceIds of a field's relationships claims the sorted ids it links there (at the weakest confidence
 * of those relationships), at tier DATABASE when the source is a database, else SEED; the first by comparePrecedence
 * is preferred.
 */
export function linkClaims(links: readonly LinkRow[], precedence: readonly string[]): ServedClaim[] {
  const stated = new Map<
    string,
    { source: LinkSource; field: string; ids: string[]; confidences: (string | null)[] }
  >();
  for (const link of links) {
    const field = relationFieldOf(link.type, link.out);
    for (const source of link.sources) {
      const key = `${field}\u0000${source.id}`;
      const entry = stated.get(key) ?? { source, field, ids: [], confidences: [] };
      entry.ids.push(link.other);
      entry.confidences.push(link.confidence);
      stated.set(key, entry);
    }
  }
  const claims: ServedClaim[] = [...stated.values()].map(({ source, field, ids, confidences }) => ({
    field,
    value: encodeClaimValue([...new Set(ids)]),
    sourceId: source.id,
    confidence: weakest(confidences),
    tier: source.sourceKind === 'DATABASE' ? 'DATABASE' : 'SEED',
    snapshotOn: source.snapshotOn,
    preferred: false,
  }));
  const first = new Map<string, ServedClaim>();
  for (const claim of claims) {
    const current = first.get(claim.field);
    if (!current || comparePrecedence(claim, current, precedence) < 0) first.set(claim.field, claim);
  }
  for (const claim of first.values()) claim.preferred = true;
  return claims;
}

/** Given claims, returns them by field, the preferred one first in each, then by comparePrecedence. */
export function servedOrder(claims: readonly ServedClaim[], precedence: readonly string[]): ServedClaim[] {
  return [...claims].sort(
    (a, b) =>
      a.field.localeCompare(b.field) ||
      Number(b.preferred) - Number(a.preferred) ||
      comparePrecedence(a, b, precedence),
  );
}
