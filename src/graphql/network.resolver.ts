import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { partnershipNetwork } from '../analytics/network';
import type { Context } from './context';
import { EntityKind, PartnershipKind } from './enums';
import { intArg, userError } from './errors';
import type { EntityRow } from '../repositories/entityRepository';
import { Partnership } from './entity.types';
import { Network, NetworkEdge } from './network.types';
import { PartialDate } from './scalars';

export const MAX_DEPTH = 3;

@Resolver()
export class NetworkResolver {
  @Query(() => Network, {
    description:
      'Companies as nodes and partnerships as edges (one per pair of parties), for Cytoscape.js or Sigma; with ' +
      'companies, what lies within depth partnership hops of them.',
  })
  async partnershipNetwork(
    @Ctx() context: Context,
    @Arg('companies', () => [ID], {
      nullable: true,
      description:
        'Only these companies and what lies within depth hops of them. Null or absent: every company; ' +
        'an empty list matches nothing (an empty network).',
    })
    companies?: string[] | null,
    @Arg('kinds', () => [PartnershipKind], {
      nullable: true,
      description: 'Only partnerships of these kinds. Null or absent: every kind; an empty list matches nothing.',
    })
    kinds?: PartnershipKind[] | null,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string | null,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) depth: number | null = 1,
  ): Promise<Network> {
    const hops = intArg('depth', depth, 1, MAX_DEPTH);
    const asked = companies ? [...new Set(companies)] : null;
    const found = await context.loaders.entitiesById(asked ?? []);
    const missing = (asked ?? []).filter((id) => found.get(id)?.kind !== EntityKind.COMPANY);
    if (missing.length > 0)
      throw userError(`companies: no company has id ${missing.map((id) => `"${id}"`).join(', ')}`, 'NOT_FOUND');
    const directory = new Map(
      [...found].map(([id, row]) => [
        id,
        {
          name: row.name,
          nameKo: (row.nameKo as string | undefined) ?? null,
          country: (row.country as string | undefined) ?? null,
        },
      ]),
    );
    const deals = await context.analytics.remember('partnershipDeals', () => context.analytics.partnershipDeals());
    return partnershipNetwork(
      deals,
      { companies: asked, kinds: kinds ?? null, asOf, depth: hops },
      directory,
    ) as Network;
  }
}

@Resolver(() => NetworkEdge)
export class NetworkEdgeResolver {
  @FieldResolver(() => Partnership, {
    description: 'The deal itself: its sources, description and parties with their roles (batched per request).',
  })
  async partnership(@Root() edge: NetworkEdge, @Ctx() context: Context): Promise<EntityRow> {
    const deal = await context.loaders.entity.load(edge.partnershipId);
    if (!deal) throw userError(`partnership "${edge.partnershipId}" is no longer in the graph`, 'NOT_FOUND');
    return deal;
  }
}
