import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import type { Label } from '../domain/graphModel';
import type { ConnectionPlan, RelationPlan } from '../repositories/entities/relationPlan';
import { isRelationName, RELATIONS, type RelationName } from '../repositories/entities/relations';

type Fragments = GraphQLResolveInfo['fragments'];

/** The fields a selection set asks of `type`, with those of fragments on it (or on Entity) spread in. */
export function* fieldsOf(set: SelectionSetNode, type: string, fragments: Fragments): Generator<FieldNode> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else {
      const fragment:
        { typeCondition?: FragmentDefinitionNode['typeCondition']; selectionSet: SelectionSetNode } | undefined =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      const on = fragment?.typeCondition?.name.value;
      if (fragment && (on === undefined || on === type || on === 'Entity'))
        yield* fieldsOf(fragment.selectionSet, type, fragments);
    }
  }
}

/** Given a relation field's selection, returns the selections of its entities: a party is { role company { ... } }. */
function entitySelections(name: RelationName, set: SelectionSetNode, fragments: Fragments): SelectionSetNode[] {
  if (name !== 'Partnership.parties') return [set];
  return [...fieldsOf(set, 'PartyRole', fragments)].flatMap((field) =>
    field.name.value === 'company' && field.selectionSet ? [field.selectionSet] : [],
  );
}

/**
 * Fields read from a property of another name, or from none (the kind comes from the label; relations are
 * resolved).
 */
const PROPERTY_OF: Record<string, string | null> = {
  __typename: null,
  kind: null,
  sources: 'sourceIds',
  partnershipKind: 'kind',
  // Claims are read by their own loader, never with the entity's properties.
  claims: null,
};

/** Properties every entity of a label is read with, whatever is selected: its id, and what its resolvers filter on. */
const ALWAYS_READ: Partial<Record<Label, string[]>> = { Partnership: ['id', 'kind', 'announcedOn'] };

/**
 * Given a label and the selections of its entities, returns what to read: the properties the fields need, and the
 * relations below (by response key, as graphql-js groups them) with their own plans, fetched in the same statement.
 */
function planOf(type: Label, sets: readonly SelectionSetNode[], fragments: Fragments): RelationPlan {
  const properties = new Set(ALWAYS_READ[type] ?? ['id']);
  const below = new Map<string, { name: RelationName; sets: SelectionSetNode[] }>();
  for (const set of sets) {
    for (const field of fieldsOf(set, type, fragments)) {
      const relation = `${type}.${field.name.value}`;
      if (isRelationName(relation)) {
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
    nested: [...below.keys()].sort().map((key) => {
      const { name, sets: entitySets } = below.get(key)!;
      return { key, name, plan: planOf(RELATIONS[name].label, entitySets, fragments) };
    }),
  };
}

/**
 * Each field's plan, per parsed operation (Apollo keeps parsed operations, so a plan is made once per operation).
 * A field's nodes are those graphql-js merged under one response key; a node in a fragment can merge with different
 * siblings where the fragment is used, so the plan is kept per combination of nodes (their places in the document).
 */
const plans = new WeakMap<FieldNode, Map<string, RelationPlan>>();
const connectionPlans = new WeakMap<FieldNode, Map<string, ConnectionPlan>>();

function cachedPlan<T>(cache: WeakMap<FieldNode, Map<string, T>>, nodes: readonly FieldNode[], make: () => T): T {
  // Parsed without locations, nodes cannot be told apart by place: no caching then.
  if (nodes.some((node) => node.loc === undefined)) return make();
  // A field of one node (the usual case) needs no key built per call.
  const key = nodes.length === 1 ? '' : nodes.map((node) => node.loc!.start).join(',');
  let byNodes = cache.get(nodes[0]);
  if (!byNodes) cache.set(nodes[0], (byNodes = new Map()));
  let plan = byNodes.get(key);
  if (plan === undefined) byNodes.set(key, (plan = make()));
  return plan;
}

/** The plan of a relation field: what its entities' selection reads (see planOf). */
export function relationPlan(name: RelationName, info: GraphQLResolveInfo): RelationPlan {
  return cachedPlan(plans, info.fieldNodes, () => {
    const sets = info.fieldNodes.flatMap((node) =>
      node.selectionSet ? entitySelections(name, node.selectionSet, info.fragments) : [],
    );
    return planOf(RELATIONS[name].label, sets, info.fragments);
  });
}

/** The plan of a root field returning one entity of `label`. */
export function entityPlan(label: Label, info: GraphQLResolveInfo): RelationPlan {
  return cachedPlan(plans, info.fieldNodes, () => {
    const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    return planOf(label, sets, info.fragments);
  });
}

/** The plan of a root field returning a connection of `label` entities ({ nodes, totalCount, pageInfo }). */
export function connectionPlan(label: Label, info: GraphQLResolveInfo): ConnectionPlan {
  return cachedPlan(connectionPlans, info.fieldNodes, () => {
    const type = info.returnType.toString().replace(/!$/, '');
    const fields = info.fieldNodes.flatMap((node) =>
      node.selectionSet ? [...fieldsOf(node.selectionSet, type, info.fragments)] : [],
    );
    const sets = fields.flatMap((field) =>
      field.name.value === 'nodes' && field.selectionSet ? [field.selectionSet] : [],
    );
    return {
      nodes: planOf(label, sets, info.fragments),
      totalCount: fields.some((field) => field.name.value === 'totalCount'),
    };
  });
}
