import { cypherFile } from '../db/cypherFile';
import type { CypherTrace, QueryRunner } from '../db/queryRunner';
import { GRAPH, KIND_BY_LABEL, type RelationshipType } from '../domain/graphModel';
import type { EntityKind } from '../domain/enums';
import type { FieldClaims } from '../analytics/conflicts';
import { linkClaims, reverseFieldsOf, servedOrder, type LinkRow, type ServedClaim } from '../analytics/fieldClaims';
import { labelOf } from './entities/entityRows';

/** The relationship types whose sourceIds state the fields of the entities at their ends, as a type expression. */
const CLAIMING_TYPES = (Object.keys(GRAPH.relationships) as RelationshipType[]).join('|');

/** Given a claims statement's name, returns its text with the claiming types in place of __TYPES__. */
const statement = (name: string) => cypherFile(name).replaceAll('__TYPES__', CLAIMING_TYPES);

/** A disputed field with the kind of its entity. */
export interface DisputedField extends FieldClaims {
  kind: EntityKind;
}

type ClaimRow = Omit<ServedClaim, 'preferred'> & { preferred: boolean };

/**
 * Reads claims (docs/claims.md): property claims from CLAIM relationships, relationship-field claims from the
 * sourceIds of the relationships; the databases' order (`precedence`) chooses among the latter and orders them all.
 */
export class ClaimsRepository {
  constructor(
    private readonly runner: QueryRunner,
    private readonly trace: CypherTrace,
    readonly precedence: readonly string[],
  ) {}

  /** Given entity ids, returns each one's claims (none for an id not in the graph), by field, preferred first. */
  async ofEntities(ids: readonly string[]): Promise<ServedClaim[][]> {
    const rows = await this.runner.read(statement('claims/of-entities'), { ids }, this.trace);
    const found = new Map(
      rows.map((row) => [row.id as string, this.served(row.claims as ClaimRow[], row.links as LinkRow[])]),
    );
    return ids.map((id) => found.get(id) ?? []);
  }

  /**
   * Returns every field of a live entity that two or more sources state, with its claims preferred first; a
   * relationship field read from the end that does not state it (a company's models) is left out (reverseFieldsOf).
   */
  async disputed(): Promise<DisputedField[]> {
    const rows = await this.runner.read(statement('claims/disputed'), {}, this.trace);
    return rows.flatMap((row) => {
      const label = labelOf(row.labels as string[]);
      const kind = KIND_BY_LABEL[label];
      const reverse = reverseFieldsOf(label);
      const byField = new Map<string, ServedClaim[]>();
      for (const claim of this.served(row.claims as ClaimRow[], row.links as LinkRow[]))
        if (!reverse.includes(claim.field)) byField.set(claim.field, [...(byField.get(claim.field) ?? []), claim]);
      return [...byField].map(([field, claims]) => ({ entityId: row.id as string, kind, field, claims }));
    });
  }

  private served(claims: ClaimRow[], links: LinkRow[]): ServedClaim[] {
    return servedOrder([...claims, ...linkClaims(links, this.precedence)], this.precedence);
  }
}
