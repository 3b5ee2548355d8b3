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

/**
 * Fields whose objects wrap a relation's entities: the relation they read, the objects' type, the field of the object
 * that gives the entity at the relation's far end, and the one that gives the entity the field is on (`near`: read
 * with that entity). A party is { role company { ... } }; a model's offer is { provider { ... } model { ... } }.
 */
interface Wrapping {
  relation: RelationName;
  type: string;
  far: string;
  near?: string;
}

const WRAPPED: Record<string, Wrapping> = {
  'Partnership.parties': { relation: 'Partnership.parties', type: 'PartyRole', far: 'company' },
  'FoundationModel.offers': {
    relation: 'FoundationModel.inferenceProviders',
    type: 'ModelOffer',
    far: 'provider',
    near: 'model',
  },
  'Company.offers': { relation: 'Company.offeredModels', type: 'ModelOffer', far: 'model', near: 'provider' },
  'Company.computeHoldings': { relation: 'Company.chipVendors', type: 'ComputeHolding', far: 'vendor', near: 'owner' },
};

/** Given a label and one of its fields, returns the relation the field reads and how it wraps it, or null. */
function relationOfField(type: string, field: string): { name: RelationName; wrapping?: Wrapping } | null {
  const wrapping = WRAPPED[`${type}.${field}`];
  if (wrapping) return { name: wrapping.relation, wrapping };
  const name = `${type}.${field}`;
  return isRelationName(name) ? { name } : null;
}

/** Given a wrapping, the selection of its objects and one of their fields, returns that field's selections. */
function selectionsOf(wrapping: Wrapping, set: SelectionSetNode, name: string, fragments: Fragments) {
  return [...fieldsOf(set, wrapping.type, fragments)].flatMap((field) =>
    field.name.value === name && field.selectionSet ? [field.selectionSet] : [],
  );
}

/** Given a relation field's selection, returns the selections of its entities (those of `far` when it wraps them). */
function entitySelections(wrapping: Wrapping | undefined, set: SelectionSetNode, fragments: Fragments) {
  return wrapping ? selectionsOf(wrapping, set, wrapping.far, fragments) : [set];
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
  // The selections of this entity: those given, and those of the `near` fields of objects wrapping its relations
  // (an offer's model, read on the model itself). Relations below a near field are keyed by its path, so that
  // they are planned as the resolvers below it plan them.
  const work: { set: SelectionSetNode; prefix: string }[] = sets.map((set) => ({ set, prefix: '' }));
  for (const { set, prefix } of work) {
    for (const field of fieldsOf(set, type, fragments)) {
      const key = prefix + (field.alias?.value ?? field.name.value);
      const relation = relationOfField(type, field.name.value);
      if (relation) {
        const entry = below.get(key) ?? { name: relation.name, sets: [] };
        if (field.selectionSet) {
          entry.sets.push(...entitySelections(relation.wrapping, field.selectionSet, fragments));
          const near = relation.wrapping?.near;
          if (near)
            for (const nearSet of selectionsOf(relation.wrapping!, field.selectionSet, near, fragments))
              work.push({ set: nearSet, prefix: `${key}.${near}/` });
        }
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

/** The plan of a relation field (or of a field wrapping a relation's entities): what its entities' selection reads. */
export function relationPlan(name: RelationName, info: GraphQLResolveInfo): RelationPlan {
  return cachedPlan(plans, info.fieldNodes, () => {
    const wrapping = WRAPPED[`${info.parentType.name}.${info.fieldName}`];
    const sets = info.fieldNodes.flatMap((node) =>
      node.selectionSet ? entitySelections(wrapping, node.selectionSet, info.fragments) : [],
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
