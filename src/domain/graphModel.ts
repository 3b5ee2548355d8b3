/**
 * The one description of the graph: its labels with their properties, its relationship types with their ends, the
 * API fields that follow them and the seed fields that declare them, and which facts make one entity depend on
 * another. Seed validation, the read path, curation, the GraphQL enums, the dependency derivation, exports and the
 * synthetic generator all derive from `GRAPH` (or from a model of the same shape, in tests).
 */
import {
  CONFIDENCE,
  MODEL_ACCESS,
  AGGREGATE_KINDS,
  PARTNERSHIP_KINDS,
  SOURCE_KINDS,
  STAGE_LAYERS,
  type EntityKind,
  type PartnershipKind,
} from './enums';

/** The type of one property, as the seed files, the curation inputs and the exports read it. */
export type PropertyType =
  | { kind: 'string' }
  | { kind: 'strings' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; nullable?: boolean }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'country' }
  | { kind: 'url' };

export interface PropertySpec {
  type: PropertyType;
  required?: boolean;
  /**
   * A fact that sources state about the entity: every source's statement is kept as a claim (a CLAIM relationship
   * to the source), and the property holds the preferred one (docs/claims.md).
   */
  claimed?: boolean;
}

export interface LabelSpec {
  /** The API's EntityKind of nodes with this label. */
  kind: EntityKind;
  /** The seed file that holds these nodes (JSON Lines: the same name ending in .jsonl). */
  file: string;
  /** Sources are their own provenance and cite none. */
  cited: boolean;
  /** The seed may leave the file out (no such records): labels whose entities come mostly from databases. */
  optionalFile?: boolean;
  properties: Record<string, PropertySpec>;
}

/**
 * A relationship type between two labels. `fields` names the API fields that follow it: `out` on the `from` label,
 * `in` on the `to` label. `seed` names the list field of a seed record that declares it, on the record at its `from`
 * or its `to` end. `dependency` says whether the fact makes one end depend on the other: the dependent end and the
 * relation the DEPENDS_ON it derives carries. `editable`: editors may add it through the API (a LinkKind).
 */
export interface RelationshipSpec {
  from: string;
  to: string;
  fields: { out: string; in: string };
  seed: { on: 'from' | 'to'; field: string; required: boolean };
  /** At most one such relationship leaves an entity (a company's parent): the `out` field is one entity, not a list. */
  single?: boolean;
  /** Relationship properties the API serves (a party's role). */
  properties?: readonly string[];
  dependency?: { dependent: 'from' | 'to'; relation: string };
  /** An entity may hold it to itself (a chip maker's own chips); such a link never makes a dependency. */
  reflexive?: boolean;
  editable: boolean;
}

/** A partnership kind whose parties depend on each other: the dependent role, the role it depends on, the relation. */
export interface PartnershipDependency {
  kind: PartnershipKind;
  dependent: string;
  dependency: string;
  relation: string;
}

export interface GraphModel {
  /** In load order: a seed file's references point only at labels that come earlier or at its own. */
  labels: Record<string, LabelSpec>;
  relationships: Record<string, RelationshipSpec>;
  /** The roles a party may take in each kind of partnership. */
  rolesByKind: Record<PartnershipKind, readonly string[]>;
  partnershipDependencies: readonly PartnershipDependency[];
  /** Partnership kinds that merge their parties into one bloc for concentration by BLOC. */
  blocKinds: readonly PartnershipKind[];
}

/** The properties of an OFFERS relationship (a ModelOffer). */
export const OFFER_PROPERTIES = [
  'providerModelId',
  'inputUsdPerMTok',
  'outputUsdPerMTok',
  'contextTokens',
  'openWeights',
] as const;

const str = { type: { kind: 'string' } } as const;
const date = { type: { kind: 'date' } } as const;
const claimedStr = { type: { kind: 'string' }, claimed: true } as const;
const claimedDate = { type: { kind: 'date' }, claimed: true } as const;
const confidence = { type: { kind: 'enum', values: CONFIDENCE } } as const;
const named = {
  name: { type: { kind: 'string' }, required: true },
  nameKo: str,
  aliases: { type: { kind: 'strings' } },
  description: str,
} as const;

export const GRAPH = {
  labels: {
    Source: {
      kind: 'SOURCE',
      file: 'sources.yaml',
      cited: false,
      properties: {
        ...named,
        publisher: str,
        publishedOn: date,
        url: { type: { kind: 'url' } },
        /** DOCUMENT when absent. */
        sourceKind: { type: { kind: 'enum', values: SOURCE_KINDS } },
        /** SPDX identifier where there is one (CC-BY-4.0, MIT), else the terms in words. */
        license: str,
        /** For a DATABASE: the date of the snapshot imported, when it was imported, how many records were read. */
        snapshotOn: date,
        importedAt: str,
        records: { type: { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER } },
      },
    },
    ValueChainStage: {
      kind: 'STAGE',
      file: 'stages.yaml',
      cited: true,
      properties: {
        ...named,
        confidence,
        order: { type: { kind: 'int', min: 1, max: 99 }, required: true },
        layer: { type: { kind: 'enum', values: STAGE_LAYERS }, required: true },
      },
    },
    Industry: { kind: 'INDUSTRY', file: 'industries.yaml', cited: true, properties: { ...named, confidence } },
    Company: {
      kind: 'COMPANY',
      file: 'companies.yaml',
      cited: true,
      properties: {
        ...named,
        confidence,
        country: { type: { kind: 'country' }, claimed: true },
        marketCapUsdBn: { type: { kind: 'number', min: 0 }, claimed: true },
        marketCapAsOf: claimedDate,
        /**
         * Set on an owner that is not one company but an aggregate a database reports (Epoch's chip estimates give
         * "China", all of a country's owners, and "Other", the remainder): COUNTRY or REMAINDER. Such an owner is
         * never a participant in a concentration by company or bloc; a COUNTRY aggregate counts for its country.
         */
        aggregate: { type: { kind: 'enum', values: AGGREGATE_KINDS } },
        /**
         * True on a company a source lists only for comparison, not as a participant in the value chain (the
         * report's market-cap table names Saudi Aramco and Berkshire Hathaway beside the AI companies). Claimed, so
         * the source that says so is cited; market-cap concentration leaves such a company out unless asked for
         * (docs/analytics-notes.md).
         */
        comparisonOnly: { type: { kind: 'boolean' }, claimed: true },
      },
    },
    Dataset: {
      kind: 'DATASET',
      file: 'datasets.yaml',
      cited: true,
      optionalFile: true,
      properties: { ...named, confidence, createdOn: claimedDate },
    },
    FoundationModel: {
      kind: 'FOUNDATION_MODEL',
      file: 'models.yaml',
      cited: true,
      properties: {
        ...named,
        confidence,
        parameters: { type: { kind: 'number', min: 0, nullable: true }, claimed: true },
        parametersNote: claimedStr,
        releasedOn: claimedDate,
        access: { type: { kind: 'enum', values: MODEL_ACCESS }, claimed: true },
        trainingComputeFlop: { type: { kind: 'number', min: 0 }, claimed: true },
      },
    },
    Service: {
      kind: 'SERVICE',
      file: 'services.yaml',
      cited: true,
      properties: { ...named, confidence, launchedOn: claimedDate },
    },
    Partnership: {
      kind: 'PARTNERSHIP',
      file: 'partnerships.yaml',
      cited: true,
      properties: {
        ...named,
        kind: { type: { kind: 'enum', values: PARTNERSHIP_KINDS }, required: true },
        announcedOn: claimedDate,
        valueUsd: { type: { kind: 'number', min: 0 }, claimed: true },
        confidence: { ...confidence, required: true },
      },
    },
  },
  relationships: {
    PARTICIPATES_IN: {
      from: 'Company',
      to: 'ValueChainStage',
      fields: { out: 'stages', in: 'participants' },
      seed: { on: 'from', field: 'stages', required: false },
      editable: true,
    },
    ADOPTS: {
      from: 'Company',
      to: 'FoundationModel',
      fields: { out: 'adoptedModels', in: 'adopters' },
      seed: { on: 'from', field: 'adopts', required: false },
      dependency: { dependent: 'from', relation: 'ADOPTS' },
      editable: true,
    },
    DEVELOPS: {
      from: 'Company',
      to: 'FoundationModel',
      fields: { out: 'models', in: 'developers' },
      seed: { on: 'to', field: 'developers', required: true },
      dependency: { dependent: 'to', relation: 'DEVELOPED_BY' },
      editable: true,
    },
    PROVIDES: {
      from: 'Company',
      to: 'Service',
      fields: { out: 'services', in: 'providers' },
      seed: { on: 'to', field: 'providers', required: true },
      dependency: { dependent: 'to', relation: 'PROVIDED_BY' },
      editable: true,
    },
    BUILT_ON: {
      from: 'Service',
      to: 'FoundationModel',
      fields: { out: 'models', in: 'services' },
      seed: { on: 'from', field: 'models', required: false },
      dependency: { dependent: 'from', relation: 'BUILT_ON' },
      editable: true,
    },
    SERVES: {
      from: 'Service',
      to: 'Industry',
      fields: { out: 'industries', in: 'services' },
      seed: { on: 'from', field: 'industries', required: false },
      editable: true,
    },
    SUBSIDIARY_OF: {
      from: 'Company',
      to: 'Company',
      fields: { out: 'parent', in: 'subsidiaries' },
      seed: { on: 'from', field: 'parent', required: false },
      single: true,
      dependency: { dependent: 'from', relation: 'OWNED_BY' },
      editable: true,
    },
    BASED_ON: {
      from: 'FoundationModel',
      to: 'FoundationModel',
      fields: { out: 'baseModels', in: 'derivedModels' },
      seed: { on: 'from', field: 'baseModels', required: false },
      dependency: { dependent: 'from', relation: 'BUILT_ON' },
      editable: true,
    },
    TRAINED_ON_CHIPS_OF: {
      from: 'FoundationModel',
      to: 'Company',
      fields: { out: 'trainingChipVendors', in: 'chipsTrainedModels' },
      seed: { on: 'from', field: 'trainingChipVendors', required: false },
      dependency: { dependent: 'from', relation: 'SUPPLIED_BY' },
      editable: true,
    },
    TRAINED_IN_CLOUD_OF: {
      from: 'FoundationModel',
      to: 'Company',
      fields: { out: 'trainingClouds', in: 'cloudTrainedModels' },
      seed: { on: 'from', field: 'trainingClouds', required: false },
      dependency: { dependent: 'from', relation: 'HOSTED_BY' },
      editable: true,
    },
    TRAINED_ON: {
      from: 'FoundationModel',
      to: 'Dataset',
      fields: { out: 'trainingData', in: 'models' },
      seed: { on: 'from', field: 'trainingData', required: false },
      dependency: { dependent: 'from', relation: 'TRAINED_ON' },
      editable: true,
    },
    PUBLISHES: {
      from: 'Company',
      to: 'Dataset',
      fields: { out: 'datasets', in: 'publishers' },
      seed: { on: 'to', field: 'publishers', required: false },
      dependency: { dependent: 'to', relation: 'PUBLISHED_BY' },
      editable: true,
    },
    DERIVED_FROM: {
      from: 'Dataset',
      to: 'Dataset',
      fields: { out: 'sourceDatasets', in: 'derivedDatasets' },
      seed: { on: 'from', field: 'sourceDatasets', required: false },
      dependency: { dependent: 'from', relation: 'BUILT_ON' },
      editable: true,
    },
    /** A data set made with a model's output (Alpaca's instructions, generated with text-davinci-003). */
    GENERATED_WITH: {
      from: 'Dataset',
      to: 'FoundationModel',
      fields: { out: 'generatorModels', in: 'generatedDatasets' },
      seed: { on: 'to', field: 'generatedDatasets', required: false },
      dependency: { dependent: 'from', relation: 'BUILT_ON' },
      editable: true,
    },
    /** A service that builds on another service (an assistant built on a search API). */
    USES_SERVICE: {
      from: 'Service',
      to: 'Service',
      fields: { out: 'usedServices', in: 'usedBy' },
      seed: { on: 'from', field: 'usedServices', required: false },
      dependency: { dependent: 'from', relation: 'BUILT_ON' },
      editable: true,
    },
    /**
     * An inference provider serving a model (the API's ModelOffer): one per provider and model, with the provider's
     * identifier for it, its prices in US dollars per million tokens, its context window and whether its weights are
     * open. The provider depends on the model.
     */
    OFFERS: {
      from: 'Company',
      to: 'FoundationModel',
      fields: { out: 'offeredModels', in: 'inferenceProviders' },
      seed: { on: 'to', field: 'inferenceProviders', required: false },
      properties: OFFER_PROPERTIES,
      dependency: { dependent: 'from', relation: 'OFFERS' },
      editable: false,
    },
    /**
     * An owner's AI accelerators from one vendor (the API's ComputeHolding): `estimates` holds, as JSON text, the
     * source's cumulative estimates oldest first, each {asOf, h100Equivalents, h100EquivalentsLow,
     * h100EquivalentsHigh, units}. The owner depends on the vendor.
     */
    HOLDS_CHIPS_OF: {
      from: 'Company',
      to: 'Company',
      fields: { out: 'chipVendors', in: 'chipOwners' },
      seed: { on: 'from', field: 'chipVendors', required: false },
      properties: ['estimates'],
      dependency: { dependent: 'from', relation: 'SUPPLIED_BY' },
      reflexive: true,
      editable: false,
    },
    PARTY_TO: {
      from: 'Company',
      to: 'Partnership',
      fields: { out: 'partnerships', in: 'parties' },
      seed: { on: 'to', field: 'parties', required: true },
      properties: ['role'],
      editable: false,
    },
  },
  rolesByKind: {
    INVESTMENT: ['investor', 'investee'],
    LICENSING: ['licensor', 'licensee'],
    SUPPLY: ['supplier', 'customer'],
    CLOUD: ['supplier', 'customer'],
    ACQUISITION: ['acquirer', 'acquired'],
    COLLABORATION: ['partner'],
  },
  partnershipDependencies: [
    { kind: 'INVESTMENT', dependent: 'investee', dependency: 'investor', relation: 'INVESTED_BY' },
    { kind: 'LICENSING', dependent: 'licensee', dependency: 'licensor', relation: 'LICENSED_FROM' },
    { kind: 'SUPPLY', dependent: 'customer', dependency: 'supplier', relation: 'SUPPLIED_BY' },
    { kind: 'CLOUD', dependent: 'customer', dependency: 'supplier', relation: 'HOSTED_BY' },
    { kind: 'ACQUISITION', dependent: 'acquired', dependency: 'acquirer', relation: 'OWNED_BY' },
  ],
  blocKinds: ['INVESTMENT', 'ACQUISITION', 'LICENSING'],
} as const satisfies GraphModel;

/** A label of the graph's entities. */
export type Label = keyof typeof GRAPH.labels;
/** A relationship type between entities (CITES and the derived DEPENDS_ON aside). */
export type RelationshipType = keyof typeof GRAPH.relationships;

/** Every entity label, in load order. */
export const LABELS = Object.keys(GRAPH.labels) as Label[];

/** Every relationship type the graph's facts use, CITES first, for allow-listing types in Cypher text. */
export const RELATIONSHIP_TYPES = ['CITES', ...Object.keys(GRAPH.relationships)] as ('CITES' | RelationshipType)[];

/** The label of each EntityKind, and back. */
export const LABEL_BY_KIND = Object.fromEntries(
  Object.entries(GRAPH.labels).map(([label, spec]) => [spec.kind, label]),
) as Record<EntityKind, Label>;
export const KIND_BY_LABEL = Object.fromEntries(
  Object.entries(GRAPH.labels).map(([label, spec]) => [label, spec.kind]),
) as Record<Label, EntityKind>;

/** Given a model, returns the relations that make one entity depend on another, as DEPENDS_ON's `relation` names. */
export function dependencyRelations(model: GraphModel): string[] {
  return [
    ...new Set([
      ...Object.values(model.relationships).flatMap((spec) => (spec.dependency ? [spec.dependency.relation] : [])),
      ...model.partnershipDependencies.map((rule) => rule.relation),
    ]),
  ];
}

/** Given a model, returns each label's claimed properties: the facts sources state, kept as claims. */
export function claimedFields(model: GraphModel): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(model.labels).map(([label, spec]) => [
      label,
      Object.entries(spec.properties as Record<string, PropertySpec>)
        .filter(([, property]) => property.claimed)
        .map(([name]) => name),
    ]),
  );
}

/** Given a model, returns the names of its integer properties (Neo4j must receive them as integers, not floats). */
export function integerProperties(model: GraphModel): Set<string> {
  return new Set(
    Object.values(model.labels).flatMap((spec) =>
      Object.entries(spec.properties)
        .filter(([, property]) => property.type.kind === 'int')
        .map(([name]) => name),
    ),
  );
}
