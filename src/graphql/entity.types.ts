import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Confidence, EntityKind, ModelAccess, PartnershipKind, SourceKind, StageLayer } from './enums';
import { PartialDate } from './scalars';

const TYPE_NAMES: Record<EntityKind, string> = {
  COMPANY: 'Company',
  FOUNDATION_MODEL: 'FoundationModel',
  SERVICE: 'Service',
  STAGE: 'ValueChainStage',
  INDUSTRY: 'Industry',
  PARTNERSHIP: 'Partnership',
  SOURCE: 'Source',
  DATASET: 'Dataset',
};

/**
 * Given an entity row, returns the name of its GraphQL type, synchronously: compiled execution (graphql-jit) needs a
 * resolveType that returns the name itself, not a promise of it (TypeGraphQL wraps the decorator's in an async one).
 */
export const entityTypeName = (value: { kind: EntityKind }): string => TYPE_NAMES[value.kind];

@InterfaceType('Entity', {
  description:
    'Every node of the graph. `id` is a stable lowercase ASCII slug of the English name (gpt-4, hyperclova-x, ' +
    'ernie-3-0-titan, morgan-stanley).',
  resolveType: entityTypeName,
})
export abstract class Entity {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Korean name where one is in use (e.g. 네이버, 하이퍼클로바X).' })
  nameKo?: string;

  @Field(() => [String], { description: 'Other names and spellings (MS, HyperCLOVA, 하이퍼클로바 ...).' })
  aliases!: string[];

  @Field(() => Confidence, {
    nullable: true,
    description: 'How firmly the sources state this entity (null for a source itself).',
  })
  confidence?: Confidence;

  @Field(() => [Source], { description: 'Where this fact comes from: at least one source for every entity.' })
  sources!: Source[];

  /** Ids of the sources, as stored; resolved into `sources`. */
  sourceIds!: string[];
}

// simpleResolvers: plain fields are read by graphql-js's default resolver; no middleware wraps them (none is
// registered), so TypeGraphQL's per-field wrapper would only cost time on every field of every row.
@ObjectType('Source', { implements: Entity, simpleResolvers: true })
export class Source extends Entity {
  @Field(() => String, { nullable: true })
  publisher?: string;

  @Field(() => PartialDate, { nullable: true })
  publishedOn?: string;

  @Field(() => String, { nullable: true })
  url?: string;

  /** Stored only on databases; served as DOCUMENT where the node has none (Source.sourceKind resolves it). */
  sourceKind?: SourceKind;

  @Field(() => String, {
    nullable: true,
    description: 'SPDX identifier where there is one (CC-BY-4.0, MIT), else the terms in words; null when unknown.',
  })
  license?: string;

  @Field(() => PartialDate, {
    nullable: true,
    description: 'For a DATABASE: the date of the snapshot imported (the newest date its publisher gives it).',
  })
  snapshotOn?: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a DATABASE: when it was last imported (ISO-8601 timestamp).',
  })
  importedAt?: string;

  @Field(() => Int, { nullable: true, description: 'For a DATABASE: how many of its records were read.' })
  records?: number;
}

@ObjectType('Company', { implements: Entity, simpleResolvers: true })
export class Company extends Entity {
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country of headquarters (US, KR, CN, TW, CA, SA, ...).',
  })
  country?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Market capitalisation in billions of US dollars, with the date it was observed.',
  })
  marketCapUsdBn?: number;

  @Field(() => PartialDate, { nullable: true })
  marketCapAsOf?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Set on an owner that is not one company but an aggregate a database reports: COUNTRY (all of a country's " +
      'owners, such as "China" in chip estimates) or REMAINDER (the rest, "Other"); null for a company. Such an ' +
      'owner never takes part in a concentration by COMPANY or BLOC; by COUNTRY a COUNTRY aggregate counts for its ' +
      'country and a REMAINDER for none.',
  })
  aggregate?: string;
}

@ObjectType('Dataset', {
  implements: Entity,
  simpleResolvers: true,
  description:
    'Training data: a corpus or data set that foundation models are trained on (Common Crawl, The Pile, LAION-5B).',
})
export class Dataset extends Entity {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => PartialDate, { nullable: true })
  createdOn?: string;
}

@ObjectType('FoundationModel', { implements: Entity, simpleResolvers: true })
export class FoundationModel extends Entity {
  @Field(() => Float, {
    nullable: true,
    description: 'Parameter count (175e9 for 175 billion); null when undisclosed. For a family, the largest member.',
  })
  parameters?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Human note on the size as the source states it: "7B-65B", "undisclosed", "10T (multi-model)".',
  })
  parametersNote?: string;

  @Field(() => PartialDate, { nullable: true })
  releasedOn?: string;

  @Field(() => ModelAccess, { nullable: true })
  access?: ModelAccess;

  @Field(() => Float, { nullable: true, description: 'Training compute in FLOP (2.1e25); null when unknown.' })
  trainingComputeFlop?: number;

  @Field(() => String, { nullable: true })
  description?: string;
}

@ObjectType('Service', { implements: Entity, simpleResolvers: true })
export class Service extends Entity {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => PartialDate, { nullable: true })
  launchedOn?: string;
}

@ObjectType('ValueChainStage', { implements: Entity, simpleResolvers: true })
export class ValueChainStage extends Entity {
  @Field(() => Int, {
    description:
      'Position along the chain: 1 = data, 2 = foundation-model training, 3 = domain models and service ' +
      'development, 4 = service delivery; infrastructure stages follow.',
  })
  order!: number;

  @Field(() => StageLayer)
  layer!: StageLayer;

  @Field(() => String, { nullable: true })
  description?: string;
}

@ObjectType('Industry', { implements: Entity, simpleResolvers: true })
export class Industry extends Entity {
  @Field(() => String, { nullable: true })
  description?: string;
}

@ObjectType('Partnership', { implements: Entity, simpleResolvers: true })
export class Partnership extends Entity {
  @Field(() => Confidence)
  declare confidence: Confidence;

  @Field(() => PartnershipKind)
  partnershipKind!: PartnershipKind;

  @Field(() => PartialDate, { nullable: true })
  announcedOn?: string;

  @Field(() => Float, { nullable: true })
  valueUsd?: number;

  @Field(() => String, { nullable: true })
  description?: string;
}

@ObjectType('PartyRole', { simpleResolvers: true })
export class PartyRole {
  @Field(() => Company)
  company!: Company;

  @Field(() => String, {
    description: 'investor, investee, licensor, licensee, supplier, customer, acquirer, acquired, partner.',
  })
  role!: string;
}

@ObjectType('SearchHit', { simpleResolvers: true })
export class SearchHit {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Float)
  score!: number;
}

@ObjectType('ModelOffer', {
  simpleResolvers: true,
  description: "One provider serving one model (models.dev's provider model entries).",
})
export class ModelOffer {
  @Field(() => Company)
  provider!: Company;

  @Field(() => FoundationModel)
  model!: FoundationModel;

  @Field(() => String, { description: "The provider's own identifier for the model." })
  providerModelId!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'US dollars per million input tokens; null when the provider gives none.',
  })
  inputUsdPerMTok?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'US dollars per million output tokens; null when the provider gives none.',
  })
  outputUsdPerMTok?: number | null;

  @Field(() => Int, { nullable: true, description: "The model's context window at this provider, in tokens." })
  contextTokens?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the model's weights are open, as the source says." })
  openWeights?: boolean | null;

  @Field(() => Source, { description: "The offer's source: the first database its relationship names." })
  source!: Source;
}

@ObjectType('ComputeHolding', {
  simpleResolvers: true,
  description: 'An estimate of the AI accelerators one company owns from one vendor, cumulative to `asOf`.',
})
export class ComputeHolding {
  @Field(() => Company)
  owner!: Company;

  @Field(() => Company, { description: "The chip's vendor: NVIDIA, AMD, Google (TPU), Amazon (Trainium), ..." })
  vendor!: Company;

  @Field(() => PartialDate, { description: 'The date of the estimate (cumulative to it).' })
  asOf!: string;

  @Field(() => Float, { description: 'The estimate in H100-equivalents (by computing power).' })
  h100Equivalents!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The estimate's 5th percentile, where the source gives it.",
  })
  h100EquivalentsLow?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The estimate's 95th percentile, where the source gives it.",
  })
  h100EquivalentsHigh?: number | null;

  @Field(() => Float, { nullable: true, description: 'The number of chips, where the source gives it.' })
  units?: number | null;

  @Field(() => Source)
  source!: Source;
}
