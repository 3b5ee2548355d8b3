/**
 * A deterministic synthetic value-chain graph in the seed files' format (see seed/README.md), for benchmarks.
 *
 * The same options always give the same records and byte-identical file text: every random choice comes from a
 * seeded mulberry32 stream, never Math.random or the clock. The graph is heavy-tailed like the real one (a few
 * developers hold many models, popular models carry many services, one chip designer and one foundry dominate)
 * and its dependencies point one way: service -BUILT_ON-> model <-DEVELOPS- developer, developer CLOUD customer of
 * a cloud provider, cloud provider SUPPLY customer of chip designers and memory makers, chip designers SUPPLY
 * customers of foundries and memory makers.
 */
import type { CONFIDENCE, PARTNERSHIP_KINDS } from '../seed/seedSpec';

export interface SyntheticOptions {
  /** How many companies; everything else scales with it. At least MIN_COMPANIES. */
  companies: number;
  /** PRNG seed, a whole number from 0 to 2^32 - 1. */
  seed: number;
}

export const MIN_COMPANIES = 20;
export const MAX_COMPANIES = 10_000_000;
export const SOURCE_ID = 'synthetic-generator';
/** First line of every generated file; the CLI only overwrites seed files that start with it. */
export const GENERATED_HEADER = '# Synthetic seed written by src/synthetic/generateGraph.ts';

type Confidence = (typeof CONFIDENCE)[number];
type Kind = (typeof PARTNERSHIP_KINDS)[number];

/** A link to another record: its id, or the id with the link's own provenance. */
export type Ref = string | { id: string; confidence?: Confidence; note?: string; sources?: string[] };

export interface SourceRecord {
  id: string;
  name: string;
  publisher?: string;
  description?: string;
}
export interface StageRecord {
  id: string;
  name: string;
  nameKo: string;
  order: number;
  layer: 'CORE' | 'INFRASTRUCTURE';
  sources: string[];
}
export interface IndustryRecord {
  id: string;
  name: string;
  nameKo?: string;
  sources: string[];
}
export interface CompanyRecord {
  id: string;
  name: string;
  aliases?: string[];
  country?: string;
  marketCapUsdBn?: number;
  marketCapAsOf?: string;
  description?: string;
  stages?: Ref[];
  adopts?: Ref[];
  sources: string[];
}
export interface ModelRecord {
  id: string;
  name: string;
  developers: Ref[];
  parameters: number | null;
  parametersNote: string;
  releasedOn?: string;
  access?: 'OPEN' | 'LIMITED' | 'CLOSED';
  sources: string[];
}
export interface ServiceRecord {
  id: string;
  name: string;
  providers: Ref[];
  models?: Ref[];
  industries?: Ref[];
  launchedOn?: string;
  sources: string[];
}
export interface Party {
  company: string;
  role: string;
}
export interface PartnershipRecord {
  id: string;
  name: string;
  kind: Kind;
  parties: Party[];
  announcedOn?: string;
  valueUsd?: number;
  description?: string;
  confidence: Confidence;
  sources: string[];
}

/** The records of each seed file, keyed by file name, in load order. */
export interface SeedRecords {
  'sources.yaml': SourceRecord[];
  'stages.yaml': StageRecord[];
  'industries.yaml': IndustryRecord[];
  'companies.yaml': CompanyRecord[];
  'models.yaml': ModelRecord[];
  'services.yaml': ServiceRecord[];
  'partnerships.yaml': PartnershipRecord[];
}

export const SEED_FILE_NAMES = [
  'sources.yaml',
  'stages.yaml',
  'industries.yaml',
  'companies.yaml',
  'models.yaml',
  'services.yaml',
  'partnerships.yaml',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Randomness

type Rng = () => number;

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per phase, so tuning one phase does not reshuffle the others. */
function stream(seed: number, phase: number): Rng {
  let h = (seed ^ Math.imul(phase + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Draws an index with probability proportional to its weight (binary search over the running sums). */
function sampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => (cumulative[index] = total += weight));
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Zipf-like weights by rank: 1 / (rank + offset)^exponent. */
const zipf = (count: number, exponent: number, offset = 1) =>
  Array.from({ length: count }, (_, rank) => 1 / (rank + offset) ** exponent);

/** Draws from a list with Zipf-like weights by position: the first entries are the popular ones. */
function zipfPicker<T>(items: readonly T[], exponent: number, offset = 1): (rng: Rng) => T {
  const draw = sampler(zipf(items.length, exponent, offset));
  return (rng) => items[draw(rng)];
}

function weighted<T extends string>(table: Readonly<Record<T, number>>): (rng: Rng) => T {
  const keys = Object.keys(table) as T[];
  const draw = sampler(keys.map((key) => table[key]));
  return (rng) => keys[draw(rng)];
}

/** Rounds to two significant digits, exactly (an integer mantissa times a power of ten). */
function twoDigits(value: number): number {
  const exponent = Math.floor(Math.log10(value)) - 1;
  const mantissa = Math.round(value / 10 ** exponent);
  return exponent >= 0 ? mantissa * 10 ** exponent : mantissa / 10 ** -exponent;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A partial ISO date in [fromYear, toYear], as precise as a source might be: "2021", "2021-05" or "2021-05-17". */
function partialDate(rng: Rng, fromYear: number, toYear: number, yearOnly: number, withDay: number): string {
  const year = int(rng, fromYear, toYear);
  const roll = rng();
  if (roll < yearOnly) return String(year);
  const month = `${year}-${pad(int(rng, 1, 12), 2)}`;
  return roll < yearOnly + withDay ? `${month}-${pad(int(rng, 1, 28), 2)}` : month;
}

/** Release years weighted towards the recent past, as model releases are. */
const releaseYear = weighted({ '2018': 1, '2019': 2, '2020': 3, '2021': 5, '2022': 8, '2023': 10 });

// ---------------------------------------------------------------------------------------------------------------
// Fixed records: the real stages and a handful of the real industries, so queries for the real graph work here.

const STAGES: Omit<StageRecord, 'sources'>[] = [
  { id: 'data', name: 'Data construction', nameKo: '데이터 구축', order: 1, layer: 'CORE' },
  { id: 'model-training', name: 'Foundation-model training', nameKo: '초거대 AI 학습', order: 2, layer: 'CORE' },
  {
    id: 'service-development',
    name: 'Domain-specific model and service development',
    nameKo: '세부 사례별 생성형 AI 개발',
    order: 3,
    layer: 'CORE',
  },
  {
    id: 'service-delivery',
    name: 'Service delivery, use and improvement',
    nameKo: '서비스 제공, 활용 및 개선',
    order: 4,
    layer: 'CORE',
  },
  { id: 'cloud', name: 'Cloud', nameKo: '클라우드', order: 5, layer: 'INFRASTRUCTURE' },
  {
    id: 'chips',
    name: 'AI chips (GPU and AI-accelerator design)',
    nameKo: 'AI 반도체',
    order: 6,
    layer: 'INFRASTRUCTURE',
  },
  { id: 'memory', name: 'Memory and storage', nameKo: '메모리', order: 7, layer: 'INFRASTRUCTURE' },
  {
    id: 'foundry',
    name: 'Foundry (semiconductor manufacturing)',
    nameKo: '반도체 제조',
    order: 8,
    layer: 'INFRASTRUCTURE',
  },
];
const STAGE_ORDER = new Map(STAGES.map((stage) => [stage.id, stage.order]));

/** Real industry ids with weights for how often services serve them. */
const INDUSTRIES: (Omit<IndustryRecord, 'sources'> & { weight: number })[] = [
  { id: 'software-development', name: 'Software development', weight: 10 },
  { id: 'marketing-advertising', name: 'Marketing and advertising', nameKo: '마케팅·광고', weight: 8 },
  { id: 'media-content', name: 'Media and content', nameKo: '미디어·콘텐츠', weight: 7 },
  { id: 'finance', name: 'Finance', nameKo: '금융', weight: 6 },
  { id: 'healthcare', name: 'Healthcare', nameKo: '의료', weight: 6 },
  { id: 'education', name: 'Education', nameKo: '교육', weight: 5 },
  { id: 'e-commerce', name: 'E-commerce', nameKo: 'e-커머스', weight: 4 },
  { id: 'internet-search', name: 'Internet search and advertising', nameKo: '인터넷 검색·광고', weight: 3 },
  { id: 'manufacturing', name: 'Manufacturing', nameKo: '제조', weight: 3 },
  { id: 'legal', name: 'Legal', nameKo: '법률', weight: 2 },
];

// ---------------------------------------------------------------------------------------------------------------
// Companies

type Role = 'foundry' | 'memory' | 'chips' | 'cloud' | 'developer' | 'applied';

const COUNTRIES: Record<Role, (rng: Rng) => string> = {
  foundry: weighted({ TW: 5, KR: 3, US: 2, CN: 2, JP: 1 }),
  memory: weighted({ KR: 5, US: 3, JP: 2, CN: 2, TW: 1 }),
  chips: weighted({ US: 10, CN: 4, TW: 2, KR: 2, IL: 2, GB: 1, CA: 1, JP: 1 }),
  cloud: weighted({ US: 8, CN: 4, KR: 2, DE: 1, FR: 1, JP: 1, IN: 1, GB: 1 }),
  developer: weighted({
    US: 30,
    CN: 14,
    GB: 6,
    FR: 5,
    KR: 5,
    DE: 4,
    CA: 4,
    IL: 3,
    JP: 3,
    IN: 3,
    SG: 2,
    CH: 2,
    AE: 1,
    SE: 1,
  }),
  applied: weighted({
    US: 30,
    CN: 12,
    GB: 7,
    DE: 6,
    IN: 6,
    FR: 5,
    KR: 5,
    JP: 5,
    CA: 4,
    IL: 3,
    TW: 2,
    SG: 2,
    NL: 2,
    SE: 2,
    ES: 2,
    AU: 2,
    BR: 2,
  }),
};

const SUFFIXES: Record<Role, readonly string[]> = {
  foundry: ['Foundry', 'Semiconductor Manufacturing', 'Fab'],
  memory: ['Memory', 'Storage', 'Semiconductor'],
  chips: ['Silicon', 'Micro Devices', 'Semiconductor', 'Compute'],
  cloud: ['Cloud', 'Cloud Services', 'Technologies', 'Systems'],
  developer: ['AI', 'Labs', 'Research', 'Intelligence', 'AI Lab'],
  applied: [
    'Inc.',
    'Software',
    'Health',
    'Finance',
    'Media',
    'Robotics',
    'Analytics',
    'Commerce',
    'Learning',
    'Studio',
    'Group',
    'Tech',
  ],
};

const ROLE_WORD: Record<Role, string> = {
  foundry: 'semiconductor foundry',
  memory: 'memory and storage maker',
  chips: 'AI-chip designer',
  cloud: 'cloud provider',
  developer: 'foundation-model developer',
  applied: 'AI service provider and adopter',
};

/** Probability of a market cap, and the median cap (USD bn) of the role's most prominent company (it falls with rank). */
const MARKET_CAP: Record<Role, { p: number; top: number }> = {
  foundry: { p: 0.9, top: 500 },
  memory: { p: 0.9, top: 300 },
  chips: { p: 0.8, top: 900 },
  cloud: { p: 0.8, top: 1500 },
  developer: { p: 0.12, top: 300 },
  applied: { p: 0.09, top: 120 },
};

const SYLLABLES = [
  'ka',
  'lo',
  'vi',
  'ren',
  'to',
  'mi',
  'sa',
  'nor',
  'ex',
  'qua',
  'zen',
  'dra',
  'ly',
  'pho',
  'ter',
  'nu',
  'vo',
  'cel',
  'ar',
  'is',
  'ko',
  'ra',
  'tan',
  'via',
  'mo',
  'bel',
  'xa',
  'ri',
  'on',
  'gen',
  'pa',
  'lu',
];

function baseName(rng: Rng): string {
  const parts = Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYLLABLES)).join('');
  return parts[0].toUpperCase() + parts.slice(1);
}

interface Company {
  id: string;
  role: Role;
  /** Position in its role by prominence: 0 is the biggest. */
  rank: number;
  base: string;
  name: string;
  stages: Set<string>;
  adopts: string[];
  modelCount: number;
  serviceCount: number;
}

function roleCounts(n: number): Record<Role, number> {
  const counts = {
    foundry: Math.max(2, Math.round(n * 0.0005)),
    memory: Math.max(2, Math.round(n * 0.0005)),
    chips: Math.max(3, Math.round(n * 0.003)),
    cloud: Math.max(3, Math.round(n * 0.005)),
    developer: Math.max(2, Math.round(n * 0.08)),
    applied: 0,
  };
  counts.applied = n - counts.foundry - counts.memory - counts.chips - counts.cloud - counts.developer;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// The generator

/** Given a company count and a seed, returns the records of each seed file; the same options give the same records. */
export function generateSeedRecords(options: SyntheticOptions): SeedRecords {
  const { companies: n, seed } = options;
  if (!Number.isInteger(n) || n < MIN_COMPANIES || n > MAX_COMPANIES)
    throw new RangeError(`companies must be a whole number from ${MIN_COMPANIES} to ${MAX_COMPANIES}, got ${n}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to ${0xffffffff}, got ${seed}`);
  const sources = [SOURCE_ID];

  // --- Companies and their roles ---------------------------------------------------------------------------------
  const rng = stream(seed, 1);
  const counts = roleCounts(n);
  const roleOf: Role[] = shuffle(
    rng,
    (Object.keys(counts) as Role[]).flatMap((role) => Array<Role>(counts[role]).fill(role)),
  );
  const companies: Company[] = [];
  const byRole: Record<Role, Company[]> = { foundry: [], memory: [], chips: [], cloud: [], developer: [], applied: [] };
  const usedNames = new Set<string>();
  roleOf.forEach((role, index) => {
    let base = baseName(rng);
    let name = `${base} ${pick(rng, SUFFIXES[role])}`;
    for (let attempt = 0; usedNames.has(name) && attempt < 4; attempt++) {
      base = baseName(rng);
      name = `${base} ${pick(rng, SUFFIXES[role])}`;
    }
    if (usedNames.has(name)) {
      base = `${base} ${index + 1}`;
      name = `${base} ${pick(rng, SUFFIXES[role])}`;
    }
    usedNames.add(name);
    const company: Company = {
      id: `syn-co-${pad(index + 1, 5)}`,
      role,
      rank: byRole[role].length,
      base,
      name,
      stages: new Set(),
      adopts: [],
      modelCount: 0,
      serviceCount: 0,
    };
    companies.push(company);
    byRole[role].push(company);
  });
  // Prominence is independent of id order: shuffle each role before ranking it.
  for (const list of Object.values(byRole)) shuffle(rng, list).forEach((company, rank) => (company.rank = rank));
  const {
    foundry: foundries,
    memory: memoryMakers,
    chips: chipDesigners,
    cloud: clouds,
    developer: developers,
    applied,
  } = byRole;
  for (const company of foundries) company.stages.add('foundry');
  for (const company of memoryMakers) company.stages.add('memory');
  for (const company of chipDesigners) company.stages.add('chips');
  for (const company of clouds) ['cloud', 'service-delivery'].forEach((stage) => company.stages.add(stage));
  for (const company of developers) company.stages.add('model-training');

  // --- Models: Zipf-like developers (big clouds develop too), every developer at least one ------------------------
  const modelRng = stream(seed, 2);
  const modelTotal = Math.max(developers.length, Math.round(n * 0.3));
  // The developer pool by prominence: the top cloud providers first (big tech), then the developers.
  const topClouds = clouds.slice(0, Math.max(1, Math.round(clouds.length * 0.4)));
  const developerPool = [...topClouds, ...developers];
  const drawDeveloper = zipfPicker(developerPool, 1.0, 3);
  const modelDevelopers: Company[][] = developers.map((developer) => [developer]);
  while (modelDevelopers.length < modelTotal) modelDevelopers.push([drawDeveloper(modelRng)]);
  shuffle(modelRng, modelDevelopers);
  const models: ModelRecord[] = [];
  const modelYear: number[] = [];
  const modelOwners: Company[][] = [];
  const familyCount = new Map<Company, number>();
  modelDevelopers.forEach((owners, index) => {
    const lead = owners[0];
    if (chance(modelRng, 0.05)) {
      const partner = pick(modelRng, developerPool);
      if (partner !== lead) owners.push(partner);
    }
    for (const owner of owners) {
      owner.modelCount++;
      owner.stages.add('model-training');
    }
    const generation = (familyCount.get(lead) ?? 0) + 1;
    familyCount.set(lead, generation);
    const year = Number(releaseYear(modelRng));
    const roll = modelRng();
    const released =
      roll < 0.1
        ? undefined
        : roll < 0.2
          ? String(year)
          : roll < 0.7
            ? `${year}-${pad(int(modelRng, 1, 12), 2)}`
            : `${year}-${pad(int(modelRng, 1, 12), 2)}-${pad(int(modelRng, 1, 28), 2)}`;
    const size = parameterSize(modelRng, year);
    const accessRoll = modelRng();
    const access = accessRoll < 0.35 ? 'OPEN' : accessRoll < 0.6 ? 'LIMITED' : accessRoll < 0.8 ? 'CLOSED' : undefined;
    const model: ModelRecord = {
      id: `syn-model-${pad(index + 1, 5)}`,
      name: `${lead.base} ${pick(modelRng, MODEL_WORDS)}-${generation}`,
      developers: owners.map((owner) => owner.id),
      parameters: size.parameters,
      parametersNote: size.note,
    } as ModelRecord;
    if (released !== undefined) model.releasedOn = released;
    if (access !== undefined) model.access = access;
    model.sources = sources;
    models.push(model);
    modelYear.push(year);
    modelOwners.push(owners);
  });

  // --- Services: one provider, built on 1-2 models by preferential attachment ----------------------------------
  const serviceRng = stream(seed, 3);
  const serviceTotal = Math.round(n * 1.5);
  // Preferential attachment: a quarter of the picks are uniform over all models, the rest repeat an earlier pick, so
  // a model is drawn with probability growing with the services already built on it.
  const urn: number[] = [];
  const popularModel = (r: Rng) =>
    urn.length === 0 || chance(r, 0.25) ? Math.floor(r() * models.length) : urn[Math.floor(r() * urn.length)];
  const ownModels = new Map<Company, number[]>();
  modelOwners.forEach((owners, index) =>
    owners.forEach((owner) => ownModels.set(owner, [...(ownModels.get(owner) ?? []), index])),
  );
  const drawApplied = zipfPicker(applied, 0.9, 8);
  const drawModelMaker = zipfPicker(developerPool, 1.0, 3);
  const drawIndustry = sampler(INDUSTRIES.map((industry) => industry.weight));
  const services: ServiceRecord[] = [];
  for (let index = 0; index < serviceTotal; index++) {
    const provider = chance(serviceRng, 0.8) ? drawApplied(serviceRng) : drawModelMaker(serviceRng);
    provider.serviceCount++;
    const built: number[] = [];
    const own = ownModels.get(provider);
    const wanted = chance(serviceRng, 0.3) ? 2 : 1;
    for (let attempt = 0; built.length < wanted && attempt < 6; attempt++) {
      const model = own && attempt === 0 && chance(serviceRng, 0.7) ? pick(serviceRng, own) : popularModel(serviceRng);
      if (!built.includes(model)) built.push(model);
    }
    for (const model of built) urn.push(model);
    const industries: string[] = [];
    const industryCount = pick(serviceRng, [0, 1, 1, 2]);
    for (let attempt = 0; industries.length < industryCount && attempt < 4; attempt++) {
      const industry = INDUSTRIES[drawIndustry(serviceRng)].id;
      if (!industries.includes(industry)) industries.push(industry);
    }
    const fromYear = Math.max(2019, ...built.map((model) => modelYear[model]));
    const service: ServiceRecord = {
      id: `syn-svc-${pad(index + 1, 5)}`,
      name: `${provider.base} ${pick(serviceRng, SERVICE_WORDS)}${industries.length > 0 && chance(serviceRng, 0.3) ? ` for ${INDUSTRY_WORD[industries[0]]}` : ''}`,
      providers: [provider.id],
      models: built.map((model) =>
        chance(serviceRng, 0.02)
          ? {
              id: models[model].id,
              confidence: 'UNCERTAIN',
              note: 'Synthetic: the provider does not confirm this model.',
            }
          : models[model].id,
      ),
    } as ServiceRecord;
    if (industries.length > 0) service.industries = industries;
    if (chance(serviceRng, 0.88)) service.launchedOn = partialDate(serviceRng, fromYear, 2023, 0.15, 0.25);
    service.sources = sources;
    services.push(service);
    provider.stages.add('service-development');
    provider.stages.add('service-delivery');
  }

  // --- Adoption: ~20% of companies use 1-3 models in their own products, popular models most -------------------
  const adoptRng = stream(seed, 4);
  const adopterPool = [...applied, ...clouds];
  const adoptProbability = Math.min(1, (n * 0.2) / adopterPool.length);
  for (const company of adopterPool) {
    if (!chance(adoptRng, adoptProbability)) continue;
    const wanted = int(adoptRng, 1, 3);
    const own = new Set(ownModels.get(company) ?? []);
    const chosen: number[] = [];
    for (let attempt = 0; chosen.length < wanted && attempt < 8; attempt++) {
      const model = popularModel(adoptRng);
      if (!own.has(model) && !chosen.includes(model)) chosen.push(model);
    }
    company.adopts = chosen.map((model) => models[model].id);
    if (chosen.length > 0) company.stages.add('service-delivery');
  }

  // --- Partnerships --------------------------------------------------------------------------------------------
  const dealRng = stream(seed, 5);
  const partnerships: PartnershipRecord[] = [];
  const seenDeals = new Set<string>();
  const confidence = (): Confidence => {
    const roll = dealRng();
    return roll < 0.02 ? 'UNCERTAIN' : roll < 0.07 ? 'CONFIRMED' : 'REPORTED';
  };
  /** Adds a partnership unless the same kind already links the same parties (in the same roles); returns whether it did. */
  const deal = (
    kind: Kind,
    parties: [Company, string][],
    name: string,
    extra: { valueUsd?: number; description?: string; announced?: number } = {},
  ): boolean => {
    const ids = parties.map(([company]) => company.id);
    if (new Set(ids).size !== ids.length) return false;
    const key = `${kind}|${(kind === 'COLLABORATION' ? [...ids].sort() : ids).join('|')}`;
    if (seenDeals.has(key)) return false;
    seenDeals.add(key);
    const record: PartnershipRecord = {
      id: `syn-deal-${pad(partnerships.length + 1, 5)}`,
      name,
      kind,
      parties: parties.map(([company, role]) => ({ company: company.id, role })),
    } as PartnershipRecord;
    if (chance(dealRng, extra.announced ?? 0.85)) record.announcedOn = partialDate(dealRng, 2018, 2023, 0.1, 0.3);
    if (extra.valueUsd !== undefined) record.valueUsd = extra.valueUsd;
    if (extra.description !== undefined) record.description = extra.description;
    record.confidence = confidence();
    record.sources = sources;
    partnerships.push(record);
    return true;
  };

  // Infrastructure supply: a dominant chip designer, foundry and memory maker, as in reality.
  const drawChips = zipfPicker(chipDesigners, 1.6);
  const drawFoundry = zipfPicker(foundries, 1.6);
  const drawMemory = zipfPicker(memoryMakers, 1.2);
  const drawCloud = zipfPicker(clouds, 1.3);
  const supply = (supplier: Company, customer: Company, what: string) =>
    deal(
      'SUPPLY',
      [
        [supplier, 'supplier'],
        [customer, 'customer'],
      ],
      `${supplier.name} supplies ${what} to ${customer.name}`,
      { announced: 0.7 },
    );
  for (const chips of chipDesigners) {
    // Every chip designer makes its chips at a foundry and buys memory.
    for (let k = 0, want = chance(dealRng, 0.35) ? 2 : 1, tries = 0; k < want && tries < 10; tries++)
      if (supply(drawFoundry(dealRng), chips, 'wafer manufacturing')) k++;
    for (let k = 0, want = chance(dealRng, 0.5) ? 2 : 1, tries = 0; k < want && tries < 10; tries++)
      if (supply(drawMemory(dealRng), chips, 'high-bandwidth memory')) k++;
  }
  for (const memory of memoryMakers)
    if (chance(dealRng, 0.4)) supply(drawFoundry(dealRng), memory, 'logic-die manufacturing');
  for (const cloud of clouds) {
    for (let k = 0, want = int(dealRng, 1, 3), tries = 0; k < want && tries < 10; tries++)
      if (supply(drawChips(dealRng), cloud, 'AI accelerators')) k++;
    if (chance(dealRng, 0.5)) supply(drawMemory(dealRng), cloud, 'memory and storage');
  }

  // Cloud hosting: every developer that is not itself a cloud provider, and some service providers.
  const cloudDeal = (customer: Company) => {
    const supplier = drawCloud(dealRng);
    return deal(
      'CLOUD',
      [
        [supplier, 'supplier'],
        [customer, 'customer'],
      ],
      `${customer.name} runs on ${supplier.name}`,
      { announced: 0.75 },
    );
  };
  for (const developer of developers) {
    for (let k = 0, want = chance(dealRng, 0.25) ? 2 : 1, tries = 0; k < want && tries < 10; tries++)
      if (cloudDeal(developer)) k++;
  }
  for (const company of applied) if (company.serviceCount > 0 && chance(dealRng, 0.25)) cloudDeal(company);

  // Some developers buy chips directly; data vendors (applied companies with no services) sell training data.
  for (const developer of developers)
    if (developer.modelCount > 2 && chance(dealRng, 0.3)) supply(drawChips(dealRng), developer, 'AI accelerators');
  const dataVendors = applied
    .filter((company) => company.serviceCount === 0 && company.adopts.length === 0)
    .slice(0, Math.max(1, Math.round(n * 0.02)));
  for (const vendor of dataVendors) vendor.stages.add('data');
  const byModels = [...developerPool].sort((a, b) => b.modelCount - a.modelCount || a.rank - b.rank);
  const drawBigDeveloper = zipfPicker(byModels, 1.0, 2);
  if (dataVendors.length > 0) {
    const drawVendor = zipfPicker(dataVendors, 0.8, 2);
    for (let k = 0, tries = 0; k < Math.round(n * 0.05) && tries < n; tries++)
      if (supply(drawVendor(dealRng), drawBigDeveloper(dealRng), 'training data')) k++;
  }

  // Investment: big tech and clouds (and chip designers) into model developers, the popular ones most.
  const topDevelopers = new Set(
    byModels
      .filter((company) => company.role === 'developer')
      .slice(0, Math.max(1, Math.round(developers.length * 0.03))),
  );
  const investors = [
    ...clouds,
    ...chipDesigners.slice(0, Math.max(1, Math.ceil(chipDesigners.length / 3))),
    ...topDevelopers,
  ];
  const drawInvestor = zipfPicker(investors, 0.7, 2);
  const investees = byModels.filter((company) => company.role === 'developer' && !topDevelopers.has(company));
  const drawInvestee = zipfPicker(investees, 0.8, 3);
  for (let k = 0, tries = 0; investees.length > 0 && k < Math.round(n * 0.1) && tries < n; tries++) {
    const [investor, investee] = [drawInvestor(dealRng), drawInvestee(dealRng)];
    const value = chance(dealRng, 0.4) ? twoDigits(Math.exp(Math.log(5e7) + 1.6 * normal(dealRng))) : undefined;
    const extra =
      value === undefined
        ? {}
        : { valueUsd: Math.max(1e5, value), description: `Synthetic round of USD ${money(Math.max(1e5, value))}.` };
    if (
      deal(
        'INVESTMENT',
        [
          [investor, 'investor'],
          [investee, 'investee'],
        ],
        `${investor.name} invests in ${investee.name}`,
        extra,
      )
    )
      k++;
  }

  // Licensing: developers license models to service providers and to other developers.
  const drawLicensee = zipfPicker([...applied, ...developers], 0.5, 10);
  for (let k = 0, tries = 0; k < Math.round(n * 0.08) && tries < n; tries++) {
    const [licensor, licensee] = [drawBigDeveloper(dealRng), drawLicensee(dealRng)];
    if (
      deal(
        'LICENSING',
        [
          [licensor, 'licensor'],
          [licensee, 'licensee'],
        ],
        `${licensor.name} licenses models to ${licensee.name}`,
      )
    )
      k++;
  }

  // Acquisitions (rare): the big buy small applied companies and developers, each acquired at most once.
  const acquired = new Set<Company>();
  const acquirers = [...clouds, ...topDevelopers, ...applied.slice(0, Math.max(1, Math.round(applied.length * 0.01)))];
  const drawAcquirer = zipfPicker(acquirers, 0.8, 2);
  const targets = [
    ...applied.slice(Math.round(applied.length * 0.2)),
    ...investees.slice(Math.round(investees.length * 0.3)),
  ];
  for (let k = 0, tries = 0; targets.length > 0 && k < Math.round(n * 0.01) && tries < n; tries++) {
    const [acquirer, target] = [drawAcquirer(dealRng), pick(dealRng, targets)];
    if (acquired.has(target) || acquirers.includes(target)) continue;
    if (
      deal(
        'ACQUISITION',
        [
          [acquirer, 'acquirer'],
          [target, 'acquired'],
        ],
        `${acquirer.name} acquires ${target.name}`,
        { announced: 0.95 },
      )
    ) {
      acquired.add(target);
      k++;
    }
  }

  // Collaborations fill the rest up to ~0.8 per company: prominent companies with anyone.
  const prominent = [
    ...clouds,
    ...chipDesigners,
    ...byModels.slice(0, Math.max(1, Math.round(byModels.length * 0.2))),
    ...applied.slice(0, Math.max(1, Math.round(applied.length * 0.05))),
  ];
  const drawProminent = zipfPicker(prominent, 0.6, 3);
  const anyone = () => (chance(dealRng, 0.5) ? drawProminent(dealRng) : pick(dealRng, companies));
  for (let tries = 0; partnerships.length < Math.round(n * 0.8) && tries < 4 * n; tries++) {
    const parties = chance(dealRng, 0.1) ? [anyone(), anyone(), anyone()] : [drawProminent(dealRng), anyone()];
    const name =
      parties.length === 2
        ? `${parties[0].name} and ${parties[1].name} collaboration`
        : `${parties[0].name}, ${parties[1].name} and ${parties[2].name} consortium`;
    deal(
      'COLLABORATION',
      parties.map((company) => [company, 'partner'] as [Company, string]),
      name,
    );
  }

  // --- Company records -----------------------------------------------------------------------------------------
  const capRng = stream(seed, 6);
  const companyRecords: CompanyRecord[] = companies.map((company) => {
    const record = { id: company.id, name: company.name } as CompanyRecord;
    if (chance(capRng, 0.05)) record.aliases = [initials(company.name)];
    if (chance(capRng, 0.97)) record.country = COUNTRIES[company.role](capRng);
    const cap = MARKET_CAP[company.role];
    if (chance(capRng, company.rank < 5 && company.role !== 'applied' ? 1 : cap.p)) {
      const median = company.role === 'applied' ? 5 : cap.top / (company.rank + 1) ** 0.8;
      const value = Math.exp(Math.log(median) + (company.role === 'applied' ? 1.5 : 0.4) * normal(capRng));
      record.marketCapUsdBn = Math.max(0.1, Math.round(twoDigits(value) * 10) / 10);
      record.marketCapAsOf = '2023-06-07';
    }
    record.description = `Synthetic ${ROLE_WORD[company.role]}${record.country ? ` based in ${record.country}` : ''}.`;
    if (company.role === 'applied' && company.stages.size === 0 && chance(capRng, 0.5))
      company.stages.add('service-delivery');
    if (company.stages.size > 0)
      record.stages = [...company.stages].sort((a, b) => STAGE_ORDER.get(a)! - STAGE_ORDER.get(b)!);
    if (company.adopts.length > 0) record.adopts = company.adopts;
    record.sources = sources;
    return record;
  });

  return {
    'sources.yaml': [
      {
        id: SOURCE_ID,
        name: `Synthetic graph (generator seed ${seed})`,
        publisher: 'ai-value-chain-graph synthetic generator (src/synthetic/generateGraph.ts)',
        description: `Deterministic synthetic generative-AI value chain of ${n} companies for benchmarks; not real data.`,
      },
    ],
    'stages.yaml': STAGES.map((stage) => ({ ...stage, sources })),
    'industries.yaml': INDUSTRIES.map(({ weight: _weight, ...industry }) => ({ ...industry, sources })),
    'companies.yaml': companyRecords,
    'models.yaml': models,
    'services.yaml': services,
    'partnerships.yaml': partnerships,
  };
}

const MODEL_WORDS = ['LM', 'GPT', 'Chat', 'Vision', 'Coder', 'Diffusion', 'Speech', 'Instruct', 'Omni', 'Base'];
const SERVICE_WORDS = [
  'Assistant',
  'Copilot',
  'Studio',
  'Chat',
  'Search',
  'Writer',
  'Insights',
  'Agent',
  'Translate',
  'Image',
  'Voice',
  'Code',
  'Analytics',
  'Tutor',
];
const INDUSTRY_WORD: Record<string, string> = {
  'software-development': 'Developers',
  'marketing-advertising': 'Marketing',
  'media-content': 'Media',
  finance: 'Finance',
  healthcare: 'Healthcare',
  education: 'Education',
  'e-commerce': 'Commerce',
  'internet-search': 'Search',
  manufacturing: 'Manufacturing',
  legal: 'Legal',
};

/** A parameter count (larger in later years) and its note as a source would state it, or null when undisclosed. */
function parameterSize(rng: Rng, year: number): { parameters: number | null; note: string } {
  const roll = rng();
  if (roll < 0.1) return { parameters: null, note: 'undisclosed' };
  if (roll < 0.15) return { parameters: null, note: 'not stated in source' };
  // log10 of the size: centred on ~3B in 2018 rising to ~30B in 2023, from 100M to ~2T.
  const log = Math.min(12.3, Math.max(8, 9.5 + 0.2 * (year - 2018) + 0.8 * normal(rng)));
  const largest = twoDigits(10 ** log);
  if (roll < 0.27) {
    // A family: smallest to largest member.
    const smallest = twoDigits(largest / 10 ** (0.5 + rng() * 1.5));
    return { parameters: largest, note: `${size(Math.max(1e7, smallest))}-${size(largest)}` };
  }
  return { parameters: largest, note: size(largest) };
}

/** 175e9 -> "175B", 1.3e9 -> "1.3B", 350e6 -> "350M", 1.2e12 -> "1.2T". */
function size(value: number): string {
  const [unit, scale] = value >= 1e12 ? ['T', 1e12] : value >= 1e9 ? ['B', 1e9] : ['M', 1e6];
  return `${Number((value / scale).toPrecision(3))}${unit}`;
}

/** 2.5e9 -> "2.5 billion", 40e6 -> "40 million". */
function money(value: number): string {
  const [unit, scale] = value >= 1e9 ? ['billion', 1e9] : value >= 1e6 ? ['million', 1e6] : ['thousand', 1e3];
  return `${Number((value / scale).toPrecision(3))} ${unit}`;
}

function initials(name: string): string {
  return name
    .split(' ')
    .map((word) => word[0])
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Serialisation: JSON Lines, or hand-written YAML (block records, flow lists) that the seed reader parses as YAML 1.2.

/** A string that YAML reads back as the same string without quotes: a letter-led slug or enum (US, REPORTED, gpt-4). */
const PLAIN = /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/;
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to a seed file`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.has(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(scalar).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{ ${entries.map(([key, item]) => `${key}: ${scalar(item)}`).join(', ')} }`;
  }
  throw new TypeError(`cannot write a ${typeof value} to a seed file`);
}

/** One record as a YAML block mapping; a list of mappings (parties, refs with provenance) becomes a block list. */
function recordText(record: object): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const prefix = lines.length === 0 ? '- ' : '  ';
    if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
      lines.push(`${prefix}${key}:`, ...value.map((item) => `    - ${scalar(item)}`));
    } else {
      lines.push(`${prefix}${key}: ${scalar(value)}`);
    }
  }
  return lines.join('\n');
}

/** The formats the generator writes: JSON Lines (the default, fast to read at any size) or YAML like seed/. */
export const SEED_FORMATS = ['jsonl', 'yaml'] as const;
export type SeedFormat = (typeof SEED_FORMATS)[number];
export type SeedFileName = (typeof SEED_FILE_NAMES)[number];

/** The name of a generated file in a format: companies.yaml or companies.jsonl. */
export function seedFileName(file: SeedFileName, format: SeedFormat): string {
  return format === 'yaml' ? file : file.replace(/\.yaml$/, '.jsonl');
}

/**
 * Given generated records, yields the text of one seed file piece by piece (the "#" header line, then one record at
 * a time), so a file of any size is written without holding its text whole. JSON Lines: one JSON record per line;
 * YAML: block records, each after a blank line.
 */
export function* seedFileText(
  records: SeedRecords,
  file: SeedFileName,
  format: SeedFormat,
  options?: SyntheticOptions,
): Generator<string> {
  const about = options ? ` (companies ${options.companies}, seed ${options.seed})` : '';
  yield `${GENERATED_HEADER}${about}; not real data. Regenerate instead of editing.\n`;
  for (const record of records[file] as object[])
    yield format === 'jsonl' ? `${JSON.stringify(record)}\n` : `\n${recordText(record)}\n`;
}

/** Given generated records, returns each seed file's YAML text, keyed by file name (same records, same bytes). */
export function serializeSeedRecords(records: SeedRecords, options?: SyntheticOptions): Record<SeedFileName, string> {
  const text = {} as Record<SeedFileName, string>;
  for (const file of SEED_FILE_NAMES) text[file] = [...seedFileText(records, file, 'yaml', options)].join('');
  return text;
}
