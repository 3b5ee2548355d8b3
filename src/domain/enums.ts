/**
 * The graph's enumerations, each once: as a list of its values and as an object whose keys are its values
 * (`EntityKind.COMPANY === 'COMPANY'`), the shape TypeGraphQL registers and TypeScript code reads.
 */

/** Given a list of names, returns the object that maps each name to itself. */
function enumOf<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { readonly [K in T[number]]: K };
}

export const ENTITY_KINDS = [
  'COMPANY',
  'FOUNDATION_MODEL',
  'SERVICE',
  'STAGE',
  'INDUSTRY',
  'PARTNERSHIP',
  'SOURCE',
  'DATASET',
] as const;
export const EntityKind = enumOf(ENTITY_KINDS);
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * An owner that a database reports as one but is not one company: all of a country's owners (COUNTRY), or everyone
 * the database does not name (REMAINDER).
 */
export const AGGREGATE_KINDS = ['COUNTRY', 'REMAINDER'] as const;
export type AggregateKind = (typeof AGGREGATE_KINDS)[number];

export const CONFIDENCE = ['CONFIRMED', 'REPORTED', 'UNCERTAIN'] as const;
export const Confidence = enumOf(CONFIDENCE);
export type Confidence = (typeof CONFIDENCE)[number];

/** DOCUMENT: a report, article, filing or web page. DATABASE: an external database, imported as a snapshot. */
export const SOURCE_KINDS = ['DOCUMENT', 'DATABASE'] as const;
export const SourceKind = enumOf(SOURCE_KINDS);
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where a claim comes from, in order of precedence: an editor's change through the API, the curated seed files, an
 * imported database (ranked among databases by the configured source order).
 */
export const CLAIM_TIERS = ['EDITOR', 'SEED', 'DATABASE'] as const;
export const ClaimTier = enumOf(CLAIM_TIERS);
export type ClaimTier = (typeof CLAIM_TIERS)[number];

export const PARTNERSHIP_KINDS = [
  'INVESTMENT',
  'LICENSING',
  'SUPPLY',
  'CLOUD',
  'COLLABORATION',
  'ACQUISITION',
] as const;
export const PartnershipKind = enumOf(PARTNERSHIP_KINDS);
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export const MODEL_ACCESS = ['OPEN', 'LIMITED', 'CLOSED'] as const;
export const ModelAccess = enumOf(MODEL_ACCESS);
export type ModelAccess = (typeof MODEL_ACCESS)[number];

export const STAGE_LAYERS = ['CORE', 'INFRASTRUCTURE'] as const;
export const StageLayer = enumOf(STAGE_LAYERS);
export type StageLayer = (typeof STAGE_LAYERS)[number];

export const MODEL_ORDERS = ['NAME', 'PARAMETERS_DESC', 'RELEASED_ON', 'TRAINING_COMPUTE_DESC'] as const;
export const ModelOrder = enumOf(MODEL_ORDERS);
export type ModelOrder = (typeof MODEL_ORDERS)[number];

export const DATASET_ORDERS = ['NAME', 'MODELS_DESC'] as const;
export const DatasetOrder = enumOf(DATASET_ORDERS);
export type DatasetOrder = (typeof DATASET_ORDERS)[number];

/** The order of a root list: a model order for models, a data set order for data sets, NAME for the others. */
export type ListOrder = ModelOrder | DatasetOrder;

export const CONCENTRATION_MEASURES = [
  'MODELS',
  'SERVICES',
  'MARKET_CAP',
  'ADOPTERS',
  'TRAINING_COMPUTE',
  'HOSTED_MODELS',
  'COMPUTE',
] as const;
export const ConcentrationMeasure = enumOf(CONCENTRATION_MEASURES);
export type ConcentrationMeasure = (typeof CONCENTRATION_MEASURES)[number];

export const CONCENTRATION_GROUPS = ['COMPANY', 'COUNTRY', 'BLOC'] as const;
export const ConcentrationGroup = enumOf(CONCENTRATION_GROUPS);
export type ConcentrationGroup = (typeof CONCENTRATION_GROUPS)[number];

export const CONCENTRATION_LEVELS = ['UNCONCENTRATED', 'MODERATE', 'HIGH', 'NOT_ENOUGH_DATA'] as const;
export const ConcentrationLevel = enumOf(CONCENTRATION_LEVELS);
export type ConcentrationLevel = (typeof CONCENTRATION_LEVELS)[number];
