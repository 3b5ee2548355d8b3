import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { EntityRow } from '../repositories/entityRepository';
import { Company, Entity, ValueChainStage } from './entity.types';
import { ConcentrationGroup, ConcentrationLevel, ConcentrationMeasure, Confidence } from './enums';
import { PartialDate } from './scalars';
import { dependencyRelations, GRAPH } from '../domain/graphModel';

/** Every relation a dependency step may carry, from the graph model. */
const dependencyRelationsInProse = dependencyRelations(GRAPH).join(', ');

@ObjectType('Share')
export class Share {
  @Field(() => String, {
    description: 'Company id, country code, or bloc id (the id of its largest member by the measure).',
  })
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { description: 'value / total, between 0 and 1.' })
  share!: number;

  @Field(() => [Company], {
    description:
      "The group's companies that hold a value, largest first; a bloc also lists its tied companies that hold none " +
      "(Microsoft in OpenAI's bloc for MODELS).",
  })
  members!: EntityRow[];
}

@ObjectType('Concentration', {
  description:
    'How a measure is shared among companies, countries or blocs. Aggregate owners (Company.aggregate: all of a ' +
    "country's owners, or the remainder, as chip estimates report them) never take part by COMPANY or BLOC; by " +
    'COUNTRY a COUNTRY aggregate counts for its country and a REMAINDER for none.',
})
export class Concentration {
  @Field(() => ConcentrationMeasure)
  measure!: ConcentrationMeasure;

  @Field(() => ConcentrationGroup)
  groupBy!: ConcentrationGroup;

  @Field(() => ValueChainStage, { nullable: true })
  stage?: EntityRow | null;

  @Field(() => PartialDate, { nullable: true })
  asOf?: string | null;

  @Field(() => Boolean, {
    description: 'Whether comparison-only companies were counted in MARKET_CAP without a stage.',
  })
  includeComparisonOnly!: boolean;

  @Field(() => Int, {
    description:
      "Companies in the population asked about: the stage's participants, or without a stage every company " +
      '(aggregates as said above; in MARKET_CAP, comparison-only companies only with includeComparisonOnly).',
  })
  population!: number;

  @Field(() => Int, {
    description:
      'How many of the population hold none of the measure: no value known (AMD without a market cap) or zero ' +
      '(a company with no models). Shares are of the others: "3 of 5 companies have no market cap".',
  })
  withoutValue!: number;

  @Field(() => Boolean, {
    description:
      'False when fewer than two of the population have a value: then level is NOT_ENOUGH_DATA and hhi, cr1, cr3 ' +
      'and cr4 only describe the one holder (10,000 and 1) or none (0), not a market; say "not enough data".',
  })
  enoughData!: boolean;

  @Field(() => Float, { description: "The sum of the values held, in the measure's unit." })
  total!: number;

  @Field(() => Float, {
    description:
      'Herfindahl-Hirschman index on the 0-10,000 scale: the sum of squared percentage shares; read enoughData first.',
  })
  hhi!: number;

  @Field(() => Float, { description: 'Share of the largest group, 0 to 1 (0 when no one holds a value).' })
  cr1!: number;

  @Field(() => Float, { description: 'Combined share of the three largest groups, 0 to 1.' })
  cr3!: number;

  @Field(() => Float, { description: 'Combined share of the four largest groups, 0 to 1.' })
  cr4!: number;

  @Field(() => ConcentrationLevel, {
    description:
      'US 2023 Merger Guidelines: HHI above 1,800 is HIGH, 1,000 to 1,800 MODERATE, below UNCONCENTRATED; ' +
      'NOT_ENOUGH_DATA (an extension of the three bands) when enoughData is false, an empty population included.',
  })
  level!: ConcentrationLevel;

  /** Every group's share, largest first; served by ConcentrationResolver, which may cut the list. */
  shares!: Share[];
}

@ObjectType('DependencyStep')
export class DependencyStep {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => String, {
    description: 'The dependency, read "from depends on to": ' + `${dependencyRelationsInProse}.`,
  })
  relation!: string;

  @Field(() => [String], {
    description:
      'Every relation by which `from` depends on `to` here: on a path, all parallel ones (OpenAI on Microsoft: ' +
      'INVESTED_BY, HOSTED_BY, OWNED_BY), `relation` being the first; elsewhere just `relation`.',
  })
  relations?: string[];

  @Field(() => Confidence, {
    description:
      'How firmly the sources state the dependency: the strongest confidence of the facts behind it, and with ' +
      'several relations the strongest of theirs (OpenAI on Microsoft by a CONFIRMED investment and an UNCERTAIN ' +
      'acquisition is CONFIRMED). UNCERTAIN where every fact is hedged (Tongyi Qianwen BUILT_ON M6-10T).',
  })
  confidence!: Confidence;

  // sources: DependencyStepResolver.sources loads them when asked for.

  /** The ids of the sources of the facts behind the step (of every relation), each once. */
  sourceIds!: string[];
}

@ObjectType('DependencyPath')
export class DependencyPath {
  @Field(() => Int)
  length!: number;

  @Field(() => [Entity], { description: 'From the dependent to the dependency, in order; length + 1 entities.' })
  entities!: EntityRow[];

  @Field(() => [DependencyStep])
  steps!: DependencyStep[];
}

@ObjectType('DependencyNode')
export class DependencyNode {
  @Field(() => Entity)
  entity!: EntityRow;

  @Field(() => Int, { description: 'Fewest dependency steps from the root.' })
  distance!: number;
}

@ObjectType('DependencyGraph')
export class DependencyGraph {
  @Field(() => Entity)
  root!: EntityRow;

  @Field(() => [DependencyNode], { description: 'Nearest first.' })
  nodes!: DependencyNode[];

  // steps: DependencyGraphResolver.steps reads them when asked for.

  /** Ids of the root and the nodes, among which `steps` are read. */
  memberIds!: string[];
}

@ObjectType('BetweennessMethod', {
  description:
    'How betweenness was computed: exactly (a search from every entity) on graphs of up to 30,000 entities; above ' +
    'that from sampled pivots (Brandes and Pich), enough that every score lies within `error` of the exact one ' +
    'with probability 1 - `failureProbability`.',
})
export class BetweennessMethod {
  @Field(() => Boolean)
  exact!: boolean;

  @Field(() => Int, { description: 'Companies, models and services in the dependency graph.' })
  nodes!: number;

  @Field(() => Int, { description: 'Entities searched from: all of them when exact.' })
  pivots!: number;

  @Field(() => Float, { description: "The bound on each normalised score's error; 0 when exact." })
  error!: number;

  @Field(() => Float, { description: 'The probability that some score misses the bound; 0 when exact.' })
  failureProbability!: number;
}

@ObjectType('SystemicRank')
export class SystemicRank {
  @Field(() => Company)
  company!: EntityRow;

  @Field(() => Int, { description: 'By dependent services, then models, then companies; equal counts share a rank.' })
  rank!: number;

  @Field(() => Int, { description: 'Services with this company in their upstream.' })
  dependentServices!: number;

  @Field(() => Int)
  dependentModels!: number;

  @Field(() => Int)
  dependentCompanies!: number;

  @Field(() => Float, { description: 'Betweenness centrality in the dependency graph, normalised to 0-1.' })
  betweenness!: number;

  @Field(() => BetweennessMethod, { description: 'Whether `betweenness` is exact or estimated, and how closely.' })
  betweennessMethod!: BetweennessMethod;
}

@ObjectType('RemovalImpact')
export class RemovalImpact {
  @Field(() => Entity)
  removed!: EntityRow;

  @Field(() => [Entity], { description: 'Everything with the removed entity in its upstream, by name.' })
  exposed!: EntityRow[];

  // singleSourcedServices and exposedOnlyThroughUncertain: RemovalImpactResolver works them out when asked for.

  /** The exposed entities, from which `singleSourcedServices` and `exposedOnlyThroughUncertain` are worked out. */
  exposedRows!: EntityRow[];
}
