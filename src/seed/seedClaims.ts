/**
 * The seed files' claims: every claimed property a seed record states (GRAPH's `claimed`), as a claim of the
 * record's first source at the SEED tier; and a seed node's properties once the claims of editors and databases
 * already in the graph are weighed against the seed's (docs/claims.md).
 */
import { Claim, decodeClaimValue, encodeClaimValue, preferredClaims } from '../domain/claims';
import { GRAPH, claimedFields } from '../domain/graphModel';
import type { Confidence } from '../domain/enums';
import type { PropertyValue, SeedNode } from './seedGraph';

const CLAIMED = claimedFields(GRAPH);

/** Given a seed node, returns its claims: one per claimed property it gives a value, citing its first source. */
export function seedClaimsOf(node: SeedNode): Claim[] {
  const fields = CLAIMED[node.label] ?? [];
  const [sourceId] = (node.properties.sourceIds as string[] | undefined) ?? [];
  if (sourceId === undefined) return [];
  const confidence = (node.properties.confidence as Confidence | undefined) ?? 'REPORTED';
  return fields.flatMap((field) => {
    const value = node.properties[field];
    if (value === null || value === undefined) return [];
    return [{ field, value: encodeClaimValue(value as number | string), sourceId, confidence, tier: 'SEED' as const }];
  });
}

/** What the graph holds of a seed node beyond the seed: other tiers' claims and sources that are not the seed's. */
export interface ForeignFacts {
  claims: (Claim & { preferred: boolean })[];
  sourceIds: string[];
}

/**
 * Given a seed node's properties (edits already kept), its seed claims, what the graph holds beyond the seed and the
 * databases' precedence, returns the properties to write: each claimed field holds its preferred claim (an editor's
 * change, then the seed's, then a database's), a field nobody claims is left out unless an editor set it before
 * claims were kept; the sources the graph adds stay cited. Also returns the preferred claim of each field.
 */
export function withClaims(
  label: string,
  properties: Record<string, PropertyValue>,
  seedClaims: readonly Claim[],
  foreign: ForeignFacts | undefined,
  precedence: readonly string[],
): { properties: Record<string, PropertyValue>; preferred: Map<string, Claim> } {
  const preferred = preferredClaims([...seedClaims, ...(foreign?.claims ?? [])], precedence);
  if (!foreign) return { properties, preferred };
  const merged: Record<string, PropertyValue> = { ...properties };
  const edited = new Set((properties.editedFields as string[] | null | undefined) ?? []);
  for (const field of CLAIMED[label] ?? []) {
    const claim = preferred.get(field);
    if (claim) merged[field] = decodeClaimValue(claim.value) as PropertyValue;
    else if (!edited.has(field)) delete merged[field];
  }
  const own = (properties.sourceIds as string[] | undefined) ?? [];
  merged.sourceIds = [...own, ...foreign.sourceIds.filter((id) => !own.includes(id))];
  return { properties: merged, preferred };
}

/** The key of one claim: entity, field, source and tier. */
export const claimKey = (entityId: string, claim: Pick<Claim, 'field' | 'sourceId' | 'tier'>) =>
  `${entityId} ${claim.field} ${claim.sourceId} ${claim.tier}`;
