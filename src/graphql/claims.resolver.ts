import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { conflicts, type Conflict as FoundConflict } from '../analytics/conflicts';
import { claimFieldsOf, type ServedClaim } from '../analytics/fieldClaims';
import { LABEL_BY_KIND, LABELS } from '../domain/graphModel';
import type { EntityRow } from '../repositories/entityRepository';
import { Claim, Conflict, ConflictConnection } from './claims.types';
import type { Context } from './context';
import { Entity, Source } from './entity.types';
import { EntityKind } from './enums';
import { userError } from './errors';
import { pageWindow, toConnection } from './paging';

/** Given the kind asked for (or none), returns the fields whose claims may conflict there, or throws on `field`. */
function checkField(field: string, kind: EntityKind | null | undefined): void {
  const fields = [...new Set((kind ? [LABEL_BY_KIND[kind]] : LABELS).flatMap(claimFieldsOf))].sort();
  if (!fields.includes(field))
    throw userError(
      `field: "${field}" is not a claimed field${kind ? ` of ${kind}` : ''}; fields are ${fields.join(', ')}`,
    );
}

@Resolver(() => Claim)
export class ClaimResolver {
  @FieldResolver(() => Source)
  async source(@Root() claim: ServedClaim, @Ctx() context: Context): Promise<EntityRow> {
    const source = await context.loaders.entity.load(claim.sourceId);
    if (!source) throw new Error(`claim on ${claim.field} names source ${claim.sourceId}, which is not in the graph`);
    return source;
  }
}

@Resolver(() => Conflict)
export class ConflictResolver {
  @FieldResolver(() => Entity)
  async entity(@Root() conflict: FoundConflict, @Ctx() context: Context): Promise<EntityRow> {
    const entity = await context.loaders.entity.load(conflict.entityId);
    if (!entity) throw new Error(`conflict on ${conflict.field} of ${conflict.entityId}, which is not in the graph`);
    return entity;
  }
}

@Resolver()
export class ConflictsResolver {
  @Query(() => ConflictConnection, {
    description:
      'Fields on which sources disagree: numbers whose claims differ by more than `tolerance` (relative to the ' +
      'larger), any other differing values (strings, and the entity ids a relationship field links). Largest ' +
      'disagreement first, then by entity id and field. `kind` narrows to one kind of entity, `source` to ' +
      'conflicts in which that source takes part. Retired entities are left out.',
  })
  async conflicts(
    @Ctx() context: Context,
    @Arg('field', () => String, { nullable: true }) field?: string | null,
    @Arg('kind', () => EntityKind, { nullable: true }) kind?: EntityKind | null,
    @Arg('source', () => ID, { nullable: true }) source?: string | null,
    @Arg('tolerance', () => Float, { nullable: true, defaultValue: 0.1 }) tolerance: number | null = 0.1,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    if (tolerance === null || !Number.isFinite(tolerance) || tolerance < 0)
      throw userError(`tolerance must be a finite number of 0 or more, got ${tolerance}`);
    const window = pageWindow(first, after);
    if (field !== undefined && field !== null) checkField(field, kind);
    if (source !== undefined && source !== null) {
      const found = await context.loaders.entity.load(source);
      if (found?.kind !== EntityKind.SOURCE) throw userError(`source: "${source}" is not a source in the graph`);
    }
    // Every disputed field is read once per state of the graph, like the other whole-graph analytics.
    const all = await context.analytics.remember('disputed', () => context.claims.disputed());
    const disputed = all.filter((entry) => (!field || entry.field === field) && (!kind || entry.kind === kind));
    const found = conflicts(disputed, { tolerance, source });
    const nodes = found.slice(window.skip, window.skip + window.limit);
    return toConnection(nodes, found.length, window, window.skip + window.limit < found.length);
  }
}
