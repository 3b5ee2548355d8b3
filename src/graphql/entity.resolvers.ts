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
import { PartnershipKind, SourceKind } from './enums';
import { Claim } from './claims.types';
import { claimFieldsOf, type ServedClaim } from '../analytics/fieldClaims';
import { LABEL_BY_KIND } from '../domain/graphModel';
import { userError } from './errors';
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

/** Given a single relation's entities (a company's parent), returns the one, or null. */
const single = (entities: EntityRow[]) => entities[0] ?? null;

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [Source])
  async sources(@Root() root: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    const sources = await context.loaders.entity.loadMany(root.sourceIds ?? []);
    return sources.filter((source): source is EntityRow => source !== null && !(source instanceof Error));
  }

  @FieldResolver(() => [Claim], {
    description:
      "Every source's statement of this entity's fields, by field, the preferred one first; `field` narrows to one " +
      'field (a claimed property, or a relationship field such as developers, whose claims come from the sources ' +
      'its relationships name).',
  })
  async claims(
    @Root() root: EntityRow,
    @Ctx() context: Context,
    @Arg('field', () => String, { nullable: true }) field?: string | null,
  ): Promise<ServedClaim[]> {
    if (field !== undefined && field !== null) {
      const fields = claimFieldsOf(LABEL_BY_KIND[root.kind]);
      if (!fields.includes(field))
        throw userError(
          `field: ${root.kind} has no claimed field "${field}"; ` +
            (fields.length > 0 ? `its fields are ${fields.join(', ')}` : 'it has no claimed fields'),
        );
    }
    const claims = await context.loaders.claims.load(root.id);
    return field ? claims.filter((claim) => claim.field === field) : claims;
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => SourceKind)
  sourceKind(@Root() root: EntityRow): SourceKind {
    return (root.sourceKind as SourceKind | undefined) ?? SourceKind.DOCUMENT;
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

  @FieldResolver(() => Company, {
    nullable: true,
    description: "The company that owns this one (DeepMind's parent is Alphabet); null for an independent company.",
  })
  parent(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return andThen(related(context, 'Company.parent', root, info), single);
  }

  @FieldResolver(() => [Company], { description: 'Companies this one owns.' })
  subsidiaries(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.subsidiaries', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: "Models trained on this company's chips." })
  chipsTrainedModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.chipsTrainedModels', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: "Models trained in this company's cloud." })
  cloudTrainedModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.cloudTrainedModels', root, info);
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

  @FieldResolver(() => [FoundationModel], { description: 'Models this one is fine-tuned or otherwise built from.' })
  baseModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.baseModels', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Models built from this one.' })
  derivedModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.derivedModels', root, info);
  }

  @FieldResolver(() => [Company], { description: 'Vendors of the chips this model was trained on (NVIDIA, Google).' })
  trainingChipVendors(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.trainingChipVendors', root, info);
  }

  @FieldResolver(() => [Company], { description: 'Cloud providers this model was trained in.' })
  trainingClouds(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.trainingClouds', root, info);
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
