/** Market concentration: who holds how much of a value-chain measure, and the indices that summarise it. */
import type { ConcentrationGroup, ConcentrationLevel, ConcentrationMeasure } from '../domain/enums';
import { GRAPH } from '../domain/graphModel';
import { estimateAsOf, parseEstimates } from './chipEstimates';
import { existedOn } from './partialDate';

/** One holder of a share: a company, a country or a bloc, with the companies that make up its value (largest first). */
export interface Group {
  key: string;
  label: string;
  value: number;
  members: string[];
}

export interface Share extends Group {
  /** value / total, between 0 and 1. */
  share: number;
}

/** How many participants the question is about, and how many of them hold none of the measure. */
export interface Coverage {
  population: number;
  withoutValue: number;
}

export interface ConcentrationIndex extends Coverage {
  /** At least two participants hold a value: otherwise the index describes one holder or none, not a market. */
  enoughData: boolean;
  total: number;
  /** Sum of squared percentage shares, 0 to 10,000. */
  hhi: number;
  cr1: number;
  cr3: number;
  cr4: number;
  level: ConcentrationLevel;
  /** Largest first; ties by key. */
  shares: Share[];
}

/** US 2023 Merger Guidelines: above 1,800 is highly concentrated, 1,000 to 1,800 moderately. */
export function concentrationLevel(hhi: number): ConcentrationLevel {
  if (hhi > 1800) return 'HIGH';
  if (hhi >= 1000) return 'MODERATE';
  return 'UNCONCENTRATED';
}

/**
 * Given groups with non-negative values and the coverage of their population (by default: the groups themselves),
 * returns their shares (largest first), the HHI and CR-k of the whole, and whether there is enough data for them
 * (at least two participants with a value; the level is NOT_ENOUGH_DATA when not).
 */
export function concentrationIndex(
  groups: readonly Group[],
  coverage: Coverage = {
    population: groups.length,
    withoutValue: groups.filter((group) => !(group.value > 0)).length,
  },
): ConcentrationIndex {
  for (const group of groups) {
    if (!Number.isFinite(group.value) || group.value < 0)
      throw new RangeError(`group ${group.key} has value ${group.value}; values must be finite and non-negative`);
  }
  const held = groups.filter((group) => group.value > 0);
  const total = held.reduce((sum, group) => sum + group.value, 0);
  const shares = held
    .map((group) => ({ ...group, share: group.value / total }))
    .sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hhi = shares.reduce((sum, { share }) => sum + (share * 100) ** 2, 0);
  const cr = (k: number) => shares.slice(0, k).reduce((sum, { share }) => sum + share, 0);
  const enoughData = coverage.population - coverage.withoutValue >= 2;
  return {
    ...coverage,
    enoughData,
    total,
    hhi,
    cr1: cr(1),
    cr3: cr(3),
    cr4: cr(4),
    level: enoughData ? concentrationLevel(hhi) : 'NOT_ENOUGH_DATA',
    shares,
  };
}

/** What the concentration of a measure is computed from: the facts, as read from the graph. */
export interface MarketData {
  /**
   * `aggregate` is set on an owner that is not one company (COUNTRY: all of a country's owners; REMAINDER: the rest):
   * never a participant by COMPANY or BLOC; by COUNTRY, a COUNTRY aggregate counts for its country, a REMAINDER for
   * none.
   */
  companies: {
    id: string;
    name: string;
    country: string | null;
    marketCapUsdBn: number | null;
    aggregate?: string | null;
    /** Listed by its sources only for comparison: out of the population unless asked for or in the named stage. */
    comparisonOnly?: boolean | null;
  }[];
  /** The companies taking part in the requested stage; null when no stage restricts the population. */
  participants: string[] | null;
  /**
   * Without a stage, every company of the graph counted by kind (aggregate, comparisonOnly): `companies` holds only
   * those that can hold a value, and the population is all of them. Absent: the population is `companies`.
   */
  companyCounts?: { aggregate: string | null; comparisonOnly: boolean; count: number }[];
  models: { id: string; releasedOn: string | null; trainingComputeFlop?: number | null; developers: string[] }[];
  services: { id: string; launchedOn: string | null; models: string[] }[];
  adoptions: { company: string; model: string }[];
  /** Partnerships of every kind; only INVESTMENT, ACQUISITION and LICENSING ones tie blocs. */
  partnerships: { id: string; kind: string; announcedOn: string | null; parties: string[] }[];
  /** Each company owned by another (SUBSIDIARY_OF), with its parent: read only for blocs. */
  ownerships?: { company: string; parent: string }[];
  /** Each inference provider's offer of a model (OFFERS): read only for HOSTED_MODELS. */
  offers?: { provider: string; model: string }[];
  /** Each owner's holding of one vendor's chips (HOLDS_CHIPS_OF) with its `estimates` text: read only for COMPUTE. */
  holdings?: { owner: string; vendor: string; estimates: string | null }[];
}

export interface MarketQuestion {
  measure: ConcentrationMeasure;
  groupBy: ConcentrationGroup;
  /**
   * Keeps only models released, services launched and partnerships announced on or before it; undated ones are left
   * out. For COMPUTE, each holding's newest estimate on or before it (a partial date meaning the end of its period).
   */
  asOf?: string | null;
  /** Names a country code for COUNTRY groups; defaults to the code itself. */
  countryName?: (code: string) => string;
  /**
   * Counts comparison-only companies in MARKET_CAP without a stage too (they count in every other measure, and with a
   * stage its participants always count).
   */
  includeComparisonOnly?: boolean;
}

/**
 * Gives every company the id of its bloc: companies tied (transitively) by INVESTMENT, ACQUISITION or LICENSING deals,
 * or by ownership (a subsidiary with its parent, whatever asOf), share one.
 */
export function blocsOf(
  companyIds: readonly string[],
  partnerships: MarketData['partnerships'],
  asOf?: string | null,
  ownerships: NonNullable<MarketData['ownerships']> = [],
): Map<string, string> {
  const parent = new Map(companyIds.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const ties = [
    ...partnerships
      .filter((deal) => (GRAPH.blocKinds as readonly string[]).includes(deal.kind) && existedOn(deal.announcedOn, asOf))
      .map((deal) => deal.parties),
    ...ownerships.map(({ company, parent: owner }) => [company, owner]),
  ];
  for (const tie of ties) {
    const parties = tie.filter((id) => parent.has(id));
    for (const other of parties.slice(1)) {
      const [a, b] = [find(parties[0]), find(other)];
      if (a !== b) parent.set(a, b);
    }
  }
  return new Map(companyIds.map((id) => [id, find(id)]));
}

/**
 * Given the facts and a question, returns the groups that hold the measure, each with its value and its
 * contributing members (largest first). Values per measure:
 * - MODELS: models developed, a co-developed model split equally among its developers; summed over members.
 * - TRAINING_COMPUTE: the training compute (FLOP) of the models developed, split the same way (unknown: zero).
 * - SERVICES / ADOPTERS: distinct services built on, or companies adopting, any of the group's models.
 * - MARKET_CAP: market capitalisation in USD billions, as observed (asOf does not apply); summed over members.
 * - HOSTED_MODELS: the models a provider offers (one per provider and model; asOf does not apply).
 * - COMPUTE: H100-equivalents owned, summed over vendors, each vendor's newest estimate on or before asOf (without
 *   asOf, the newest); a holding with no estimate that old counts zero.
 * With `participants`, only those companies count; without, every company with a non-zero value. Members are the
 * companies with a value, except that a bloc lists all its companies in the population. Aggregate owners (a country's
 * owners together, or the remainder) take part only by COUNTRY, and a REMAINDER not even then.
 */
export function measureGroups(data: MarketData, question: MarketQuestion): Group[] {
  return measureMarket(data, question).groups;
}

/**
 * As measureGroups, with the coverage of the population: how many companies take part (a stage's participants, or
 * without a stage every company of the graph) and how many of them hold none of the measure (unknown or zero).
 * Aggregates count as measureGroups says; in MARKET_CAP, comparison-only companies only in a stage that names them
 * or when `includeComparisonOnly` (their market caps are what the sources compare with; what else they hold, such as
 * a model one develops, counts).
 */
export function measureMarket(data: MarketData, question: MarketQuestion): { groups: Group[] } & Coverage {
  const { measure, groupBy, asOf } = question;
  const companies = new Map(data.companies.map((company) => [company.id, company]));
  const aggregateCounts = (aggregate: string | null | undefined) =>
    !aggregate || (groupBy === 'COUNTRY' && aggregate === 'COUNTRY');
  const comparisonCounts = (comparisonOnly: boolean | null | undefined) =>
    measure !== 'MARKET_CAP' ||
    data.participants !== null ||
    !comparisonOnly ||
    question.includeComparisonOnly === true;
  const counts = (id: string) => {
    const company = companies.get(id)!;
    return aggregateCounts(company.aggregate) && comparisonCounts(company.comparisonOnly);
  };
  const population = new Set(
    (data.participants ?? data.companies.map((company) => company.id)).filter((id) => companies.has(id) && counts(id)),
  );
  const populationSize =
    data.participants === null && data.companyCounts
      ? data.companyCounts
          .filter((kind) => aggregateCounts(kind.aggregate) && comparisonCounts(kind.comparisonOnly))
          .reduce((sum, kind) => sum + kind.count, 0)
      : population.size;

  // What each company holds: a number (MODELS, MARKET_CAP) or a set of counted things (SERVICES, ADOPTERS).
  const liveModels = data.models.filter((model) => existedOn(model.releasedOn, asOf));
  const modelsOf = new Map<string, string[]>();
  for (const model of liveModels) {
    for (const developer of model.developers) {
      const held = modelsOf.get(developer);
      if (held) held.push(model.id);
      else modelsOf.set(developer, [model.id]);
    }
  }
  const things = new Map<string, Set<string>>();
  if (measure === 'SERVICES' || measure === 'ADOPTERS') {
    const byModel = new Map<string, Set<string>>();
    const add = (model: string, thing: string) => byModel.set(model, (byModel.get(model) ?? new Set()).add(thing));
    if (measure === 'SERVICES') {
      for (const service of data.services)
        if (existedOn(service.launchedOn, asOf)) for (const model of service.models) add(model, service.id);
    } else {
      for (const { company, model } of data.adoptions) add(model, company);
    }
    for (const id of population)
      things.set(id, new Set((modelsOf.get(id) ?? []).flatMap((model) => [...(byModel.get(model) ?? [])])));
  }
  const hosted = new Map<string, Set<string>>();
  if (measure === 'HOSTED_MODELS')
    for (const { provider, model } of data.offers ?? [])
      hosted.set(provider, (hosted.get(provider) ?? new Set()).add(model));
  const compute = new Map<string, number>();
  if (measure === 'COMPUTE')
    for (const { owner, vendor, estimates } of data.holdings ?? []) {
      const estimate = estimateAsOf(parseEstimates(estimates, { owner, vendor }), asOf);
      compute.set(owner, (compute.get(owner) ?? 0) + (estimate?.h100Equivalents ?? 0));
    }
  const developerCount = new Map(liveModels.map((model) => [model.id, model.developers.length]));
  const computeOf = new Map(liveModels.map((model) => [model.id, model.trainingComputeFlop ?? 0]));
  const valueOf = (id: string): number => {
    if (measure === 'MODELS')
      return (modelsOf.get(id) ?? []).reduce((sum, model) => sum + 1 / developerCount.get(model)!, 0);
    if (measure === 'TRAINING_COMPUTE')
      return (modelsOf.get(id) ?? []).reduce(
        (sum, model) => sum + (computeOf.get(model) ?? 0) / developerCount.get(model)!,
        0,
      );
    if (measure === 'MARKET_CAP') return companies.get(id)!.marketCapUsdBn ?? 0;
    if (measure === 'HOSTED_MODELS') return hosted.get(id)?.size ?? 0;
    if (measure === 'COMPUTE') return compute.get(id) ?? 0;
    return things.get(id)!.size;
  };
  const values = new Map([...population].map((id) => [id, valueOf(id)]));

  const blocs =
    groupBy === 'BLOC'
      ? blocsOf(
          data.companies.filter((company) => !company.aggregate).map((company) => company.id),
          data.partnerships,
          asOf,
          data.ownerships,
        )
      : undefined;
  const groupOf = (id: string) =>
    groupBy === 'COMPANY' ? id : groupBy === 'COUNTRY' ? (companies.get(id)!.country ?? 'unknown') : blocs!.get(id)!;
  // A bloc lists all its companies in the population (OpenAI's bloc names Microsoft even for MODELS); other groups only
  // those with a value.
  const byGroup = new Map<string, string[]>();
  for (const id of population) {
    if (groupBy !== 'BLOC' && values.get(id)! === 0) continue;
    const key = groupOf(id);
    const members = byGroup.get(key);
    if (members) members.push(id);
    else byGroup.set(key, [id]);
  }

  const nameOf = (id: string) => companies.get(id)!.name;
  const groups = [...byGroup].map(([groupKey, ids]) => {
    const members = ids.sort(
      (a, b) => values.get(b)! - values.get(a)! || nameOf(a).localeCompare(nameOf(b)) || (a < b ? -1 : 1),
    );
    const value =
      measure === 'SERVICES' || measure === 'ADOPTERS'
        ? new Set(members.flatMap((id) => [...things.get(id)!])).size
        : members.reduce((sum, id) => sum + values.get(id)!, 0);
    if (groupBy === 'COMPANY') return { key: groupKey, label: nameOf(groupKey), value, members };
    if (groupBy === 'COUNTRY')
      return {
        key: groupKey,
        label: groupKey === 'unknown' ? 'Unknown country' : (question.countryName?.(groupKey) ?? groupKey),
        value,
        members,
      };
    const names = members.slice(0, 3).map(nameOf).join(' + ');
    return {
      key: members[0],
      label: members.length > 3 ? `${names} + ${members.length - 3} more` : names,
      value,
      members,
    };
  });
  const withValue = [...values.values()].filter((value) => value > 0).length;
  return {
    groups: groups.filter((group) => group.value > 0),
    population: populationSize,
    withoutValue: populationSize - withValue,
  };
}
