import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { singleSourcedServices } from '../analytics/dependencyGraph';
import type { EntityRow } from '../repositories/entityRepository';
import { MAX_HOPS, MAX_PATHS, Reached } from '../repositories/analyticsRepository';
import {
  Concentration,
  DependencyGraph,
  DependencyPath,
  DependencyStep,
  RemovalImpact,
  Share,
  SystemicRank,
} from './analytics.types';
import { concentrationSnapshot, systemicSnapshot } from './analyticsSnapshots';
import type { Context } from './context';
import { ConcentrationGroup, ConcentrationMeasure } from './enums';
import { Entity, Service, Source } from './entity.types';
import { intArg, userError } from './errors';
import { MAX_PAGE } from './paging';
import { PartialDate } from './scalars';

const collator = new Intl.Collator('en');

const notFound = (arg: string, id: string) => userError(`${arg}: no entity has id "${id}"`, 'NOT_FOUND');

/** Orders entities by name, then id. */
const byName = (a: EntityRow, b: EntityRow) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Orders reached entities nearest first, then by name. */
function nearestFirst(nodes: Reached[]): Reached[] {
  return nodes.sort((a, b) => a.distance - b.distance || byName(a.entity, b.entity));
}

@Resolver(() => Concentration)
export class ConcentrationResolver {
  @FieldResolver(() => [Share], { description: 'Largest first; the largest `first` when it is given.' })
  shares(@Root() root: Concentration, @Arg('first', () => Int, { nullable: true }) first?: number | null): Share[] {
    if (first === null || first === undefined) return root.shares;
    return root.shares.slice(0, intArg('first', first, 1, MAX_PAGE));
  }
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => Concentration, {
    description: 'How concentrated a measure is among companies, countries or blocs: shares, HHI, CR1/3/4.',
  })
  async concentration(
    @Arg('measure', () => ConcentrationMeasure) measure: ConcentrationMeasure,
    @Ctx() context: Context,
    @Arg('groupBy', () => ConcentrationGroup, { nullable: true, defaultValue: ConcentrationGroup.COMPANY })
    groupBy: ConcentrationGroup | null,
    @Arg('stage', () => ID, {
      nullable: true,
      description:
        "Only this stage's participants (comparison-only companies among them too); absent: every company, as " +
        'Concentration.population says.',
    })
    stage?: string | null,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string | null,
    @Arg('includeComparisonOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        'For MARKET_CAP without a stage, also count the companies the sources list only for comparison ' +
        '(Company.comparisonOnly: ' +
        "Saudi Aramco and Berkshire Hathaway in the report's market-cap table); they are left out by default.",
    })
    includeComparisonOnly: boolean | null = false,
  ): Promise<Concentration> {
    const group = groupBy ?? ConcentrationGroup.COMPANY;
    const { index, companies, stageEntity } = await concentrationSnapshot(
      context,
      measure,
      group,
      stage,
      asOf,
      includeComparisonOnly === true,
    );
    return {
      measure,
      groupBy: group,
      stage: stageEntity,
      asOf: asOf ?? null,
      includeComparisonOnly: includeComparisonOnly === true,
      ...index,
      level: index.level as Concentration['level'],
      shares: index.shares.map((share) => ({
        ...share,
        members: share.members.flatMap((id) => companies.get(id) ?? []),
      })),
    };
  }

  @Query(() => [DependencyPath], {
    description:
      'Dependency paths from one entity to another, shortest first, then by entity ids; a path never visits an ' +
      'entity twice, and paths through the same entities are one path whose steps list every relation.',
  })
  async dependencyPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Ctx() context: Context,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 6 }) maxHops: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
  ): Promise<DependencyPath[]> {
    const hops = intArg('maxHops', maxHops, 1, MAX_HOPS);
    const limit = intArg('first', first, 1, MAX_PATHS);
    const found = await context.analytics.dependencyPaths(from, to, hops, limit);
    const missing = [
      ...(found.fromFound ? [] : [notFound('from', from).message]),
      ...(found.toFound ? [] : [notFound('to', to).message]),
    ];
    if (missing.length > 0) throw userError(missing.join('; '), 'NOT_FOUND');
    return found.paths.map(({ entities, steps }) => {
      for (const entity of entities) context.loaders.entity.prime(entity.id, entity);
      return {
        length: steps.length,
        entities: entities,
        steps: steps.map((step, index) => ({
          from: entities[index].id,
          to: entities[index + 1].id,
          relation: step.relations[0],
          ...step,
        })),
      };
    });
  }

  @Query(() => DependencyGraph, {
    description: "Everything the entity depends on, within maxHops, with each one's fewest-step distance.",
  })
  upstream(
    @Arg('of', () => ID) of: string,
    @Ctx() context: Context,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 6 }) maxHops: number | null,
  ) {
    return this.closure('upstream', of, context, maxHops);
  }

  @Query(() => DependencyGraph, {
    description: "Everything that depends on the entity, within maxHops, with each one's fewest-step distance.",
  })
  downstream(
    @Arg('of', () => ID) of: string,
    @Ctx() context: Context,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 6 }) maxHops: number | null,
  ) {
    return this.closure('downstream', of, context, maxHops);
  }

  @Query(() => [SystemicRank], {
    description:
      'Companies ranked by how much of the value chain depends on them; with asOf, as the graph stood then ' +
      '(undated models, services and partnerships left out).',
  })
  async systemicImportance(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string | null,
  ): Promise<SystemicRank[]> {
    const limit = intArg('first', first, 1, MAX_PAGE);
    const { ranks, method, companies } = await systemicSnapshot(context, asOf ?? null);
    return ranks
      .slice(0, limit)
      .flatMap(({ id, ...scores }) =>
        companies.has(id) ? [{ company: companies.get(id)!, ...scores, betweennessMethod: method }] : [],
      );
  }

  @Query(() => RemovalImpact, { description: 'What would lose a dependency if the entity went away.' })
  async removalImpact(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<RemovalImpact> {
    const impact = await context.analytics.exposure(id);
    if (!impact) throw notFound('id', id);
    const exposed = impact.exposed.sort(byName);
    for (const entity of [impact.root, ...exposed]) context.loaders.entity.prime(entity.id, entity);
    return { removed: impact.root, exposed, exposedRows: exposed };
  }

  private async closure(
    direction: 'upstream' | 'downstream',
    of: string,
    context: Context,
    maxHops: number | null,
  ): Promise<DependencyGraph> {
    const hops = intArg('maxHops', maxHops, 1, MAX_HOPS);
    const closure = await context.analytics.closure(direction, of, hops);
    if (!closure) throw notFound('of', of);
    for (const entity of [closure.root, ...closure.nodes.map((node) => node.entity)])
      context.loaders.entity.prime(entity.id, entity);
    return {
      root: closure.root,
      nodes: nearestFirst(closure.nodes),
      memberIds: [of, ...closure.nodes.map((node) => node.entity.id)],
    };
  }
}

@Resolver(() => DependencyGraph)
export class DependencyGraphResolver {
  @FieldResolver(() => [DependencyStep], { description: 'Every dependency among the root and the nodes.' })
  async steps(@Root() graph: DependencyGraph, @Ctx() context: Context): Promise<DependencyStep[]> {
    return (await context.analytics.stepsAmong(graph.memberIds)).map((step) => ({
      ...step,
      relation: step.relations[0],
    }));
  }
}

@Resolver(() => DependencyStep)
export class DependencyStepResolver {
  @FieldResolver(() => [Source], {
    description:
      'The sources of the facts behind the dependency (of every relation, on a path), each once: for a ' +
      "partnership's relation, the partnership's sources.",
  })
  sources(@Root() step: DependencyStep, @Ctx() context: Context): Promise<EntityRow[]> {
    return context.loaders.sources(step.sourceIds);
  }
}

@Resolver(() => RemovalImpact)
export class RemovalImpactResolver {
  @FieldResolver(() => [Service], {
    description: 'Services for which every model they are built on has the removed entity in its upstream (or is it).',
  })
  async singleSourcedServices(@Root() impact: RemovalImpact, @Ctx() context: Context) {
    const services = impact.exposedRows.filter((entity) => entity.kind === 'SERVICE');
    const models = await context.analytics.serviceModels(services.map((service) => service.id));
    const single = new Set(
      singleSourcedServices(impact.removed.id, new Set(impact.exposedRows.map((entity) => entity.id)), models),
    );
    return services.filter((service) => single.has(service.id));
  }

  @FieldResolver(() => [Entity], {
    description:
      'The exposed entities whose every dependency path to the removed entity has an UNCERTAIN step (a step is as ' +
      'firm as its firmest fact), by name: they would lose the dependency only if those facts hold.',
  })
  async exposedOnlyThroughUncertain(@Root() impact: RemovalImpact, @Ctx() context: Context): Promise<EntityRow[]> {
    const firm = await context.analytics.firmlyExposed(impact.removed.id);
    return impact.exposedRows.filter((entity) => !firm.has(entity.id));
  }
}
