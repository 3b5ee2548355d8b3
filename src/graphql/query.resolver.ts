import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { DatabaseError } from '../db/queryRunner';
import { LABEL_BY_KIND, type Label } from '../domain/graphModel';
import { LISTS, type ListName } from '../repositories/entities/listStatement';
import {
  CompanyConnection,
  CompanyFilter,
  DatasetConnection,
  FoundationModelConnection,
  ModelFilter,
  PartnershipConnection,
  PartnershipFilter,
  ServiceConnection,
  ServiceFilter,
} from './connection.types';
import type { Context } from './context';
import {
  Company,
  Dataset,
  Entity,
  FoundationModel,
  Industry,
  SearchHit,
  Service,
  Source,
  ValueChainStage,
} from './entity.types';
import { DatasetOrder, EntityKind, ModelOrder } from './enums';
import { userError } from './errors';
import { pageWindow, toConnection } from './paging';
import { connectionPlan, entityPlan } from './selectionPlan';

const MAX_SEARCH = 100;

async function page(
  context: Context,
  info: GraphQLResolveInfo,
  name: ListName,
  filter: object | undefined,
  first: number | null,
  after: string | undefined,
  order?: ModelOrder | DatasetOrder,
) {
  const window = pageWindow(first, after);
  const params = Object.fromEntries(
    FILTER_KEYS[name].map((key) => [key, (filter as Record<string, unknown> | undefined)?.[key] ?? null]),
  );
  const plan = connectionPlan(LISTS[name].label, info);
  const { total, nodes, hasMore } = await context.entities.list(name, params, window, plan.nodes, {
    order,
    withTotal: plan.totalCount,
  });
  return toConnection(nodes, total, window, hasMore);
}

/** Every filter field of each list; the unset ones (null) stay out of the statement ("any"). */
const FILTER_KEYS: Record<ListName, string[]> = {
  companies: ['country', 'stage', 'nameContains'],
  models: [
    'developer',
    'access',
    'minParameters',
    'releasedFrom',
    'releasedTo',
    'source',
    'minTrainingComputeFlop',
    'baseModel',
  ],
  services: ['provider', 'model', 'industry'],
  partnerships: ['company', 'kind', 'from', 'to'],
  datasets: [],
};

/**
 * The entity of `label` with this id, with what the field's selection reads below it, in one statement (null where
 * none).
 */
function byId(context: Context, id: string, label: Label, info: GraphQLResolveInfo) {
  return context.entities.entityOf(label, entityPlan(label, info), id);
}

@Resolver()
export class QueryResolver {
  @Query(() => Entity, { nullable: true })
  entity(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return context.loaders.entity.load(id);
  }

  @Query(() => Company, { nullable: true })
  company(@Arg('id', () => ID) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return byId(context, id, 'Company', info);
  }

  @Query(() => CompanyConnection)
  companies(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CompanyFilter, { nullable: true }) filter?: CompanyFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return page(context, info, 'companies', filter, first, after);
  }

  @Query(() => FoundationModel, { nullable: true })
  model(@Arg('id', () => ID) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return byId(context, id, 'FoundationModel', info);
  }

  @Query(() => FoundationModelConnection)
  models(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ModelFilter, { nullable: true }) filter?: ModelFilter,
    @Arg('orderBy', () => ModelOrder, { nullable: true, defaultValue: ModelOrder.NAME })
    orderBy: ModelOrder | null = ModelOrder.NAME,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return page(context, info, 'models', filter, first, after, orderBy ?? ModelOrder.NAME);
  }

  @Query(() => Service, { nullable: true })
  service(@Arg('id', () => ID) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return byId(context, id, 'Service', info);
  }

  @Query(() => ServiceConnection)
  services(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter?: ServiceFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return page(context, info, 'services', filter, first, after);
  }

  @Query(() => [ValueChainStage])
  stages(@Ctx() context: Context) {
    return context.entities.all('ValueChainStage');
  }

  @Query(() => [Industry])
  industries(@Ctx() context: Context) {
    return context.entities.all('Industry');
  }

  @Query(() => PartnershipConnection)
  partnerships(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PartnershipFilter, { nullable: true }) filter?: PartnershipFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return page(context, info, 'partnerships', filter, first, after);
  }

  @Query(() => Dataset, { nullable: true })
  dataset(@Arg('id', () => ID) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return byId(context, id, 'Dataset', info);
  }

  @Query(() => DatasetConnection, { description: 'Data sets, by name or by the number of models trained on them.' })
  datasets(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => DatasetOrder, { nullable: true, defaultValue: DatasetOrder.NAME })
    orderBy: DatasetOrder | null = DatasetOrder.NAME,
  ) {
    return page(context, info, 'datasets', undefined, first, after, orderBy ?? DatasetOrder.NAME);
  }

  @Query(() => [Source])
  sources(@Ctx() context: Context) {
    return context.entities.all('Source');
  }

  @Query(() => [SearchHit], { description: 'Full-text search over English and Korean names and aliases.' })
  async search(
    @Arg('text', () => String) text: string,
    @Ctx() context: Context,
    @Arg('kinds', () => [EntityKind], {
      nullable: true,
      description: 'Only entities of these kinds. Null or absent: every kind; an empty list matches nothing.',
    })
    kinds?: EntityKind[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null = 10,
  ) {
    const limit = first;
    if (limit === null || !Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH)
      throw userError(`first must be from 1 to ${MAX_SEARCH}, got ${limit}`);
    if (!/[\p{L}\p{N}]/u.test(text))
      throw userError(`text must contain a letter or a digit, got ${JSON.stringify(text)}`);
    try {
      return await context.entities.search(text, kinds ? kinds.map((kind) => LABEL_BY_KIND[kind]) : null, limit);
    } catch (error) {
      // The full-text procedure rejects text that is not valid Lucene query syntax (an unbalanced quote, a lone *).
      if (error instanceof DatabaseError && error.code === 'PROCEDURE_FAILED') {
        const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
        throw userError(
          `text is not a valid search: ${JSON.stringify(shown)} ` +
            '(Lucene syntax: quote phrases in pairs, escape / and other special characters with \\)',
        );
      }
      throw error;
    }
  }
}
