import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { EntityRow, Related } from '../repositories/entities/entityRows';
import type { RelationName } from '../repositories/entities/relations';
import type { Context } from './context';
import {
  Company,
  ComputeHolding,
  Dataset,
  Entity,
  FoundationModel,
  Industry,
  ModelOffer,
  Partnership,
  PartyRole,
  Service,
  Source,
  ValueChainStage,
} from './entity.types';
import { PartnershipKind, SourceKind } from './enums';
import { Claim } from './claims.types';
import { claimFieldsOf, type ServedClaim } from '../analytics/fieldClaims';
import { LABEL_BY_KIND, OFFER_PROPERTIES } from '../domain/graphModel';
import { userError } from './errors';
import { existedOn } from '../analytics/partialDate';
import { PartialDate } from './scalars';
import { relationPlan } from './selectionPlan';
import { estimateAsOf, parseEstimates, type ChipEstimate } from '../analytics/chipEstimates';

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

/** A relationship served as an object of its own (an offer, a holding): its source is read from its sourceIds. */
interface Sourced {
  sourceIds: string[];
  /** Where it is, for the error when it names no source in the graph. */
  where: string;
}

/** An OFFERS relationship as the API serves it (ModelOffer). */
export type ServedOffer = Sourced & { provider: EntityRow; model: EntityRow } & Partial<
    Record<(typeof OFFER_PROPERTIES)[number], unknown>
  >;

/** A HOLDS_CHIPS_OF relationship's estimate in force on a date, as the API serves it (ComputeHolding). */
export type ServedHolding = Sourced & ChipEstimate & { owner: EntityRow; vendor: EntityRow };

/**
 * Given a provider, a model and their OFFERS relationship's properties, returns the offer; a relationship that
 * gives no providerModelId (one a seed file declares) is served with the model's id.
 */
function offerOf(provider: EntityRow, model: EntityRow, rel: Record<string, unknown>): ServedOffer {
  const offer: ServedOffer = {
    provider,
    model,
    sourceIds: (rel.sourceIds as string[] | undefined) ?? [],
    where: `the offer of ${model.id} by ${provider.id}`,
  };
  for (const property of OFFER_PROPERTIES) offer[property] = rel[property] ?? null;
  offer.providerModelId ??= model.id;
  return offer;
}

/**
 * Given the first source to prefer (a database) among the sources a relationship names, returns it: the first
 * DATABASE in sourceIds, else the first source found. Throws when it names none in the graph.
 */
async function sourceOf(context: Context, sourced: Sourced): Promise<EntityRow> {
  const sources = (await context.loaders.entity.loadMany(sourced.sourceIds)).filter(
    (source): source is EntityRow => source !== null && !(source instanceof Error),
  );
  const found = sources.find((source) => source.sourceKind === 'DATABASE') ?? sources[0];
  if (!found) throw new Error(`${sourced.where} names no source in the graph`);
  return found;
}

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [Source])
  sources(@Root() root: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return context.loaders.sources(root.sourceIds ?? []);
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
  @FieldResolver(() => Boolean, {
    description:
      'True when the sources list the company only for comparison, not as a participant in the value chain (the ' +
      'report\'s market-cap table names Saudi Aramco beside the AI companies); claims(field: "comparisonOnly") ' +
      'cites them. Such companies are left out of market-cap concentration unless asked for (includeComparisonOnly).',
  })
  comparisonOnly(@Root() root: EntityRow): boolean {
    return root.comparisonOnly === true;
  }

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

  @FieldResolver(() => [Dataset], { description: 'Data sets this company builds or publishes.' })
  datasets(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.datasets', root, info);
  }

  @FieldResolver(() => [FoundationModel], {
    description: 'Models this company serves to others as an inference provider (the models of `offers`).',
  })
  offeredModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.offeredModels', root, info);
  }

  @FieldResolver(() => [ModelOffer], {
    description: 'Models this company serves to others as an inference provider, with its prices; by model name.',
  })
  offers(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return andThen(relatedWithRole(context, 'Company.offeredModels', root, info), (models) =>
      models.map(({ entity, rel }) => offerOf(root, entity, rel)),
    );
  }

  @FieldResolver(() => [Company], {
    description: 'Vendors of the AI accelerators this company owns (the vendors of `computeHoldings`).',
  })
  chipVendors(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.chipVendors', root, info);
  }

  @FieldResolver(() => [Company], { description: "Owners of this company's AI accelerators, as estimated." })
  chipOwners(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.chipOwners', root, info);
  }

  @FieldResolver(() => [ComputeHolding], {
    description:
      'AI accelerators this company owns, one holding per chip vendor (by vendor name): the newest estimate on or ' +
      'before asOf (without asOf, the newest); a vendor with no estimate that old gives none. A partial asOf means ' +
      'the end of its period: "2024" takes an estimate of 2024-12-31, and an estimate dated "2024" is not on or ' +
      'before "2024-06".',
  })
  computeHoldings(
    @Root() root: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string | null,
  ) {
    return andThen(relatedWithRole(context, 'Company.chipVendors', root, info), (vendors) =>
      vendors.flatMap(({ entity: vendor, rel }): ServedHolding[] => {
        const estimate = estimateAsOf(parseEstimates(rel.estimates, { owner: root.id, vendor: vendor.id }), asOf);
        if (!estimate) return [];
        const where = `the holding of ${root.id} from ${vendor.id}`;
        return [{ ...estimate, owner: root, vendor, sourceIds: (rel.sourceIds as string[] | undefined) ?? [], where }];
      }),
    );
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

  @FieldResolver(() => [Dataset], { description: 'Data sets it was trained on.' })
  trainingData(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.trainingData', root, info);
  }

  @FieldResolver(() => [Dataset], { description: "Data sets made with this model's output." })
  generatedDatasets(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.generatedDatasets', root, info);
  }

  @FieldResolver(() => [Company], {
    description: 'Inference providers that serve this model (the providers of `offers`).',
  })
  inferenceProviders(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'FoundationModel.inferenceProviders', root, info);
  }

  @FieldResolver(() => [ModelOffer], {
    description: 'Where inference providers serve it, with their prices; by provider name.',
  })
  offers(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return andThen(relatedWithRole(context, 'FoundationModel.inferenceProviders', root, info), (providers) =>
      providers.map(({ entity, rel }) => offerOf(entity, root, rel)),
    );
  }
}

@Resolver(() => Dataset)
export class DatasetResolver {
  @FieldResolver(() => [Company], { description: 'Organisations that build or publish it.' })
  publishers(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Dataset.publishers', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: 'Models trained on it.' })
  models(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Dataset.models', root, info);
  }

  @FieldResolver(() => [Dataset], { description: 'Data sets it is derived from (a filtered or combined corpus).' })
  sourceDatasets(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Dataset.sourceDatasets', root, info);
  }

  @FieldResolver(() => [Dataset], { description: 'Data sets derived from it.' })
  derivedDatasets(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Dataset.derivedDatasets', root, info);
  }

  @FieldResolver(() => [FoundationModel], { description: "Models whose output it was made with (Alpaca's)." })
  generatorModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Dataset.generatorModels', root, info);
  }
}

@Resolver(() => ModelOffer)
export class ModelOfferResolver {
  @FieldResolver(() => Source, { description: "The offer's source: the first database its relationship names." })
  source(@Root() offer: ServedOffer, @Ctx() context: Context): Promise<EntityRow> {
    return sourceOf(context, offer);
  }
}

@Resolver(() => ComputeHolding)
export class ComputeHoldingResolver {
  @FieldResolver(() => Source, { description: "The estimate's source: the first database its relationship names." })
  source(@Root() holding: ServedHolding, @Ctx() context: Context): Promise<EntityRow> {
    return sourceOf(context, holding);
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

  @FieldResolver(() => [Service], { description: 'Services this one is built on (an assistant on a search API).' })
  usedServices(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Service.usedServices', root, info);
  }

  @FieldResolver(() => [Service], { description: 'Services built on this one.' })
  usedBy(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Service.usedBy', root, info);
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
