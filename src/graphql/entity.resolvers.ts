import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { EntityRow, RELATIONS, RelationName, RelationPlan } from '../repositories/entityRepository';
import type { Context } from './context';
import { Company, Entity, FoundationModel, Industry, Partnership, PartyRole, Service, Source, ValueChainStage } from './entity.types';
import { PartnershipKind } from './enums';
import { existedOn } from '../analytics/partialDate';
import { PartialDate } from './scalars';

type Fragments = GraphQLResolveInfo['fragments'];

/** The fields a selection set asks of `type`, with those of fragments on it (or on Entity) spread in. */
function* fieldsOf(set: SelectionSetNode, type: string, fragments: Fragments): Generator<FieldNode> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else {
      const fragment: { typeCondition?: FragmentDefinitionNode['typeCondition']; selectionSet: SelectionSetNode } | undefined =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      const on = fragment?.typeCondition?.name.value;
      if (fragment && (on === undefined || on === type || on === 'Entity')) yield* fieldsOf(fragment.selectionSet, type, fragments);
    }
  }
}

/** Given a relation field's selection, returns the selections of its entities: a party is { role company { ... } }. */
function entitySelections(name: RelationName, set: SelectionSetNode, fragments: Fragments): SelectionSetNode[] {
  if (name !== 'Partnership.parties') return [set];
  return [...fieldsOf(set, 'PartyRole', fragments)].flatMap((field) => (field.name.value === 'company' && field.selectionSet ? [field.selectionSet] : []));
}

/** Fields read from a property of another name, or from none (the kind comes from the label; relations are resolved). */
const PROPERTY_OF: Record<string, string | null> = { __typename: null, kind: null, sources: 'sourceIds', partnershipKind: 'kind' };

/**
 * Given a relation and the selections of its entities, returns what to read: the properties the fields need, and
 * the relations below (by response key, as graphql-js groups them) with their own plans, fetched in the same statement.
 */
function planOf(name: RelationName, sets: readonly SelectionSetNode[], fragments: Fragments): RelationPlan {
  const type = RELATIONS[name].label;
  // The partnerships field filters by kind and date after loading.
  const properties = new Set(name === 'Company.partnerships' ? ['id', 'kind', 'announcedOn'] : ['id']);
  const below = new Map<string, { name: RelationName; sets: SelectionSetNode[] }>();
  for (const set of sets) {
    for (const field of fieldsOf(set, type, fragments)) {
      const relation = `${type}.${field.name.value}` as RelationName;
      if (relation in RELATIONS) {
        const key = field.alias?.value ?? field.name.value;
        const entry = below.get(key) ?? { name: relation, sets: [] };
        if (field.selectionSet) entry.sets.push(...entitySelections(relation, field.selectionSet, fragments));
        below.set(key, entry);
      } else {
        const property = field.name.value in PROPERTY_OF ? PROPERTY_OF[field.name.value] : field.name.value;
        if (property) properties.add(property);
      }
    }
  }
  return {
    properties: [...properties].sort(),
    nested: [...below.keys()].sort().map((key) => ({ key, name: below.get(key)!.name, plan: planOf(below.get(key)!.name, below.get(key)!.sets, fragments) })),
  };
}

/** Each relation field's plan, per parsed operation (Apollo keeps parsed operations, so the plan is made once). */
const plans = new WeakMap<FieldNode, RelationPlan>();

/** Returns the entities `root` relates to by `name`, with their relationships, reading what the field's selection reads (see planOf). */
function relatedWithRole(context: Context, name: RelationName, root: EntityRow, info: GraphQLResolveInfo) {
  let plan = plans.get(info.fieldNodes[0]);
  if (!plan) {
    const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? entitySelections(name, node.selectionSet, info.fragments) : []));
    plans.set(info.fieldNodes[0], (plan = planOf(name, sets, info.fragments)));
  }
  return context.entities.relatedOf(name, plan, root.id);
}

async function related(context: Context, name: RelationName, root: EntityRow, info: GraphQLResolveInfo): Promise<EntityRow[]> {
  return (await relatedWithRole(context, name, root, info)).map(({ entity }) => entity);
}

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [Source])
  async sources(@Root() root: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    const sources = await context.loaders.entity.loadMany(root.sourceIds ?? []);
    return sources.filter((source): source is EntityRow => source !== null && !(source instanceof Error));
  }
}

@Resolver(() => Company)
export class CompanyResolver {
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

  @FieldResolver(() => [FoundationModel], { description: 'Foundation models this company uses in its own products (B2B adoption).' })
  adoptedModels(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return related(context, 'Company.adoptedModels', root, info);
  }

  @FieldResolver(() => [Partnership], {
    description: 'Partnerships this company is party to; with asOf, only those announced on or before it (a partial date counts as its first day: "2023" is 2023-01-01).',
  })
  async partnerships(
    @Root() root: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kind', () => PartnershipKind, { nullable: true }) kind?: PartnershipKind,
    @Arg('asOf', () => PartialDate, { nullable: true }) asOf?: string,
  ) {
    const all = await related(context, 'Company.partnerships', root, info);
    return all.filter(
      (deal) => (!kind || deal.partnershipKind === kind) && existedOn(deal.announcedOn as string | undefined, asOf),
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
  async parties(@Root() root: EntityRow, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const parties = await relatedWithRole(context, 'Partnership.parties', root, info);
    return parties.map(({ entity, rel }) => ({ company: entity, role: rel.role }));
  }
}
