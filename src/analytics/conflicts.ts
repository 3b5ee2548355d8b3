/** Conflicts: the fields on which sources disagree, largest disagreement first. A pure function. */
import { disagreement, encodeClaimValue } from '../domain/claims';
import type { ServedClaim } from './fieldClaims';

/** Every claim on one field of one entity, preferred first. */
export interface FieldClaims {
  entityId: string;
  field: string;
  claims: ServedClaim[];
}

export interface Conflict extends FieldClaims {
  /** How far apart the claims are: their relative spread for numbers, 1 for other values that differ. */
  disagreement: number;
}

/**
 * The values one field's claims are compared by. A relationship field's claims (lists of ids) are compared as the
 * databases' lists against the union of the documents' lists: a report or an article names some of a company's
 * partners or a service's providers, not all, so two documents naming different ones do not disagree; a database
 * listing other developers than the documents do does.
 */
function comparedValues(claims: readonly ServedClaim[]): string[] {
  const lists = claims.filter((claim) => claim.value.startsWith('['));
  if (lists.length === 0) return claims.map((claim) => claim.value);
  const documents = lists.filter((claim) => claim.tier !== 'DATABASE');
  const union = [...new Set(documents.flatMap((claim) => JSON.parse(claim.value) as string[]))];
  return [
    ...(documents.length > 0 ? [encodeClaimValue(union)] : []),
    ...lists.filter((claim) => claim.tier === 'DATABASE').map((claim) => claim.value),
  ];
}

/**
 * Given every entity field's claims, a tolerance and optionally a source, returns the fields whose claims disagree
 * (numbers beyond `tolerance` relative to the larger, other values when they differ; relationship fields as
 * comparedValues says), those in which `source` takes part when it is given: largest disagreement first, then by
 * entity id and field.
 */
export function conflicts(
  fields: readonly FieldClaims[],
  { tolerance, source }: { tolerance: number; source?: string | null },
): Conflict[] {
  const found: Conflict[] = [];
  for (const entry of fields) {
    if (source && !entry.claims.some((claim) => claim.sourceId === source)) continue;
    const spread = disagreement(comparedValues(entry.claims), tolerance);
    if (spread !== null) found.push({ ...entry, disagreement: spread });
  }
  return found.sort(
    (a, b) =>
      b.disagreement - a.disagreement ||
      (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0) ||
      a.field.localeCompare(b.field),
  );
}
