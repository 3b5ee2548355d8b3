import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EntityRow, RelationName } from '../repositories/entityRepository';
import type { Context } from './context';
import { Company, Entity, FoundationModel, Industry, Partnership, PartyRole, Service, Source, ValueChainStage } from './entity.types';
import { PartnershipKind } from './enums';
import { existedOn } from '../analytics/partialDate';
import { PartialDate } from './scalars';

async function related(context: Context, name: RelationName, root: EntityRow): Promise<EntityRow[]> {
  return (await context.loaders.related(name).load(root.id)).map(({ entity }) => entity);
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
  stages(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Company.stages', root);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Foundation models this company develops.' })
  models(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Company.models', root);
  }

  @FieldResolver(() => [Service], { description: 'Services this company provides.' })
  services(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Company.services', root);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Foundation models this company uses in its own products (B2B adoption).' })
  adoptedModels(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Company.adoptedModels', root);
  }

  @FieldResolver(() => [Partnership], {
    description: 'Partnerships this company is party to; with asOf, only those announced on or before it (a partial date counts as its first day: "2023" is 2023-01-01).',
  })
  async partnerships(
    @Root() root: EntityRow,
    @Ctx() context: Context,
    @Arg('kind', () => PartnershipKind, { nullable: true }) kind?: PartnershipKind,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string,
  ) {
    const all = await related(context, 'Company.partnerships', root);
    return all.filter(
      (deal) => (!kind || deal.partnershipKind === kind) && existedOn(deal.announcedOn as string | undefined, asOf),
    );
  }
}

@Resolver(() => FoundationModel)
export class FoundationModelResolver {
  @FieldResolver(() => [Company])
  developers(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'FoundationModel.developers', root);
  }

  @FieldResolver(() => [Service], { description: 'Services built on this model.' })
  services(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'FoundationModel.services', root);
  }

  @FieldResolver(() => [Company], { description: 'Companies that adopt this model in their own products.' })
  adopters(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'FoundationModel.adopters', root);
  }
}

@Resolver(() => Service)
export class ServiceResolver {
  @FieldResolver(() => [Company])
  providers(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Service.providers', root);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Foundation models the service is built on.' })
  models(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Service.models', root);
  }

  @FieldResolver(() => [Industry])
  industries(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Service.industries', root);
  }
}

@Resolver(() => ValueChainStage)
export class ValueChainStageResolver {
  @FieldResolver(() => [Company])
  participants(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'ValueChainStage.participants', root);
  }
}

@Resolver(() => Industry)
export class IndustryResolver {
  @FieldResolver(() => [Service])
  services(@Root() root: EntityRow, @Ctx() context: Context) {
    return related(context, 'Industry.services', root);
  }
}

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => [PartyRole])
  async parties(@Root() root: EntityRow, @Ctx() context: Context) {
    const parties = await context.loaders.related('Partnership.parties').load(root.id);
    return parties.map(({ entity, rel }) => ({ company: entity, role: rel.role }));
  }
}
