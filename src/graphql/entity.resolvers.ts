import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { EntityRow, Related } from '../repositories/entities/entityRows';
import type { RelationName } from '../repositories/entities/relations';
import type { Context } from './context';
import {
  Company,
  Entity,
  FoundationModel,
  Industry,
  Partnership,
  PartyRole,
  Service,
  Source,
  ValueChainStage,
} from './entity.types';
import { PartnershipKind } from './enums';
import { existedOn } from '../analytics/partialDate';
import { PartialDate } from './scalars';
import { relationPlan } from './selectionPlan';

/**
 * Returns the entities `root` relates to by `name`, with their relationships, reading what the field's selection
 * reads: at once when they came with the level above (most of the time), so no promise is made per field.
 */
function relatedWithRole(context: Context, name: RelationName, root: EntityRow, info: GraphQLResolveInfo) {
  return context.entities.relatedOf(name, relationPlan(name, info), root.id);
}

/** Applies `map` to a value that may still be on its way, without a promise when it is not. */
function andThen<T, U>(value: T | Promise<T>, map: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(map) : map(value);
}

const entitiesOf = (related: Related[]) => related.map(({ entity }) => entity);

function related(
  context: Context,
  name: RelationName,
  root: EntityRow,
  info: GraphQLResolveInfo,
): EntityRow[] | Promise<EntityRow[]> {
  return andThen(relatedWithRole(context, name, root, info), entitiesOf);
}

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [Source])
  async sources(@Root() root: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    const sources = await context.loaders.entity.loadMany(root.sourceIds ?? []);
    return sources.filter((source): source is EntityRow => source !== null && !(source instanceof Error));
  }
}

@Resolver(() => Company)
export class CompanyResolver {
  @FieldResolver(() => [ValueChainStage])
  stages(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.stages', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Foundation models this company develops.' })
  models(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.models', root, info);
  }

  @FieldResolver(() => [Service], { description: 'Services this company provides.' })
  services(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.services', root, info);
  }

  @FieldResolver(() => [FoundationModel], {
    description: 'Foundation models this company uses in its own products (B2B adoption).',
  })
  adoptedModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.adoptedModels', root, info);
  }

  @FieldResolver(() => [Partnership], {
    description:
      'Partnerships this company is party to; with asOf, only those announced on or before it ' +
      '(a partial date counts as its first day: "2023" is 2023-01-01).',
  })
  partnerships(
    @Root() root: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kind', () => PartnershipKind, { nullable: true }) kind?: PartnershipKind,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string,
  ) {
    return andThen(related(context, 'Company.partnerships', root, info), (all) =>
      all.filter(
        (deal) => (!kind || deal.partnershipKind === kind) && existedOn(deal.announcedOn as string | undefined, asOf),
      ),
    );
  }
}

@Resolver(() => FoundationModel)
export class FoundationModelResolver {
  @FieldResolver(() => [Company])
  developers(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.developers', root, info);
  }

  @FieldResolver(() => [Service], { description: 'Services built on this model.' })
  services(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.services', root, info);
  }

  @FieldResolver(() => [Company], { description: 'Companies that adopt this model in their own products.' })
  adopters(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.adopters', root, info);
  }
}

@Resolver(() => Service)
export class ServiceResolver {
  @FieldResolver(() => [Company])
  providers(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Service.providers', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Foundation models the service is built on.' })
  models(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Service.models', root, info);
  }

  @FieldResolver(() => [Industry])
  industries(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Service.industries', root, info);
  }
}

@Resolver(() => ValueChainStage)
export class ValueChainStageResolver {
  @FieldResolver(() => [Company])
  participants(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'ValueChainStage.participants', root, info);
  }
}

@Resolver(() => Industry)
export class IndustryResolver {
  @FieldResolver(() => [Service])
  services(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Industry.services', root, info);
  }
}

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => [PartyRole])
  parties(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return andThen(relatedWithRole(context, 'Partnership.parties', root, info), (parties) =>
      parties.map(({ entity, rel }) => ({ company: entity, role: rel.role })),
    );
  }
}
