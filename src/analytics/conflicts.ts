/** Conflicts: the fields on which sources disagree, largest disagreement first. A pure function. */
import { disagreement } from '../domain/claims';
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
 * Given every entity field's claims, a tolerance and optionally a source, returns the fields whose claims disagree
 * (numbers beyond `tolerance` relative to the larger, other values when they differ), those in which `source` takes
 * part when it is given: largest disagreement first, then by entity id and field.
 */
export function conflicts(
  fields: readonly FieldClaims[],
  { tolerance, source }: { tolerance: number; source?: string | null },
): Conflict[] {
  const found: Conflict[] = [];
  for (const entry of fields) {
    if (source && !entry.claims.some((claim) => claim.sourceId === source)) continue;
    const spread = disagreement(
      entry.claims.map((claim) => claim.value),
      tolerance,
    );
    if (spread !== null) found.push({ ...entry, disagreement: spread });
  }
  return found.sort(
    (a, b) =>
      b.disagreement - a.disagreement ||
      (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0) ||
      a.field.localeCompare(b.field),
  );
}
