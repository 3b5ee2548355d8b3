/**
 * The statements of the root lists (companies, models, services, partnerships), built with @neo4j/cypher-builder:
 * only the filters given enter the statement, so each combination is planned on its own and can use the indexes;
 * the page is cut while ordering (ORDER BY ... SKIP LIMIT on the anchored match), and every match is counted only
 * when asked. Each filter's parameter is named after the filter ($country, $minParameters, ...).
 */
import Cypher from '@neo4j/cypher-builder';
import { GRAPH, type Label } from '../../domain/graphModel';
import type { ListOrder } from '../../domain/enums';
import { byName, MAX_RELATED, rowProjection } from './rowProjection';
import type { RelationPlan } from './relationPlan';

export type ListName = 'companies' | 'models' | 'services' | 'partnerships' | 'datasets';

/**
 * One filter of a list over its entity `n` with its parameter `value`: a pattern to match (which may meet `n` more
 * than once, so the list then keeps distinct entities) or a condition.
 */
type ListFilter =
  | { match: (n: Cypher.Node, value: Cypher.Param) => Cypher.Pattern }
  | { where: (n: Cypher.Node, value: Cypher.Param) => Cypher.Predicate };

/** The entities `n` relates to along `type`, to the `label` entity with the id `value` (outwards from `n`). */
const to = (type: string, label: Label) => ({
  match: (n: Cypher.Node, value: Cypher.Param) =>
    new Cypher.Pattern(n).related({ type }).to({ labels: label, properties: { id: value } }),
});

/** The entities `n` relates to along `type`, from the `label` entity with the id `value` (inwards to `n`). */
const from = (type: string, label: Label) => ({
  match: (n: Cypher.Node, value: Cypher.Param) =>
    new Cypher.Pattern({ labels: label, properties: { id: value } }).related({ type }).to(n),
});

const equals = (property: string) => ({
  where: (n: Cypher.Node, value: Cypher.Param) => Cypher.eq(n.property(property), value),
});

const atLeast = (property: string) => ({
  where: (n: Cypher.Node, value: Cypher.Param) => Cypher.gte(n.property(property), value),
});

/** A partial date up to `value`, including all of it: a `to` of "2023" includes every date of 2023. */
const upTo = (property: string) => ({
  where: (n: Cypher.Node, value: Cypher.Param) =>
    Cypher.or(Cypher.lte(n.property(property), value), Cypher.startsWith(n.property(property), value)),
});

/** The relationship types at a model, whose sourceIds state its relationship fields (docs/claims.md). */
const MODEL_TYPES = Object.entries(GRAPH.relationships)
  .filter(([, spec]) => spec.from === 'FoundationModel' || spec.to === 'FoundationModel')
  .map(([type]) => type);

/**
 * A model with at least one claim from the source `value`: a CLAIM to it, a relationship of the model whose sourceIds
 * name it, or the model's own sourceIds naming it.
 */
const claimedBy = {
  where: (n: Cypher.Node, value: Cypher.Param) => {
    const rel = new Cypher.Relationship();
    return Cypher.or(
      Cypher.in(value, n.property('sourceIds')),
      new Cypher.Exists(
        new Cypher.Match(
          new Cypher.Pattern(n).related({ type: 'CLAIM' }).to({ labels: 'Source', properties: { id: value } }),
        ),
      ),
      new Cypher.Exists(
        new Cypher.Match(
          new Cypher.Pattern(n)
            .related(rel, { type: Cypher.labelExpr.or(...MODEL_TYPES), direction: 'undirected' })
            .to(),
        ).where(Cypher.in(value, rel.property('sourceIds'))),
      ),
    )!;
  },
};

/** A name (English or Korean) containing `value`, whatever the case. */
const nameContains = {
  where: (n: Cypher.Node, value: Cypher.Param) =>
    Cypher.or(
      Cypher.contains(Cypher.toLower(n.property('name')), Cypher.toLower(value)),
      Cypher.contains(
        Cypher.toLower(Cypher.coalesce(n.property('nameKo'), new Cypher.Literal(''))),
        Cypher.toLower(value),
      ),
    ),
};

/** Each list: the label of its entities and its filters, by the name of the filter field (and of its parameter). */
export const LISTS: Record<ListName, { label: Label; filters: Record<string, ListFilter> }> = {
  companies: {
    label: 'Company',
    filters: { country: equals('country'), stage: to('PARTICIPATES_IN', 'ValueChainStage'), nameContains },
  },
  models: {
    label: 'FoundationModel',
    filters: {
      developer: from('DEVELOPS', 'Company'),
      access: equals('access'),
      minParameters: atLeast('parameters'),
      releasedFrom: atLeast('releasedOn'),
      releasedTo: upTo('releasedOn'),
      source: claimedBy,
      minTrainingComputeFlop: atLeast('trainingComputeFlop'),
      baseModel: to('BASED_ON', 'FoundationModel'),
    },
  },
  services: {
    label: 'Service',
    filters: {
      provider: from('PROVIDES', 'Company'),
      model: to('BUILT_ON', 'FoundationModel'),
      industry: to('SERVES', 'Industry'),
    },
  },
  datasets: { label: 'Dataset', filters: {} },
  partnerships: {
    label: 'Partnership',
    filters: {
      company: from('PARTY_TO', 'Company'),
      kind: equals('kind'),
      from: atLeast('announcedOn'),
      to: upTo('announcedOn'),
    },
  },
};

type OrderKeys = [Cypher.Expr, Cypher.Order][];

/**
 * Given a list, its order (models: the one asked for) and the filters given, returns the ORDER BY of entity `n`.
 * An order on a property puts the entities without it last (`IS NULL` sorts false first), unless a filter given
 * excludes them: the key is then left out, so the range index on the property can give the order and Neo4j stops
 * after the page.
 */
function orderOf(name: ListName, order: ListOrder, given: readonly string[], n: Cypher.Node): OrderKeys {
  const nullsLast = (property: string, excludedBy: string[]): OrderKeys =>
    excludedBy.some((filter) => given.includes(filter)) ? [] : [[Cypher.isNull(n.property(property)), 'ASC']];
  if (name === 'partnerships')
    return [...nullsLast('announcedOn', []), [n.property('announcedOn'), 'ASC'], ...byName(n)];
  if (name === 'datasets' && order === 'MODELS_DESC') {
    const trainedOn = new Cypher.Pattern({ labels: 'FoundationModel' }).related({ type: 'TRAINED_ON' }).to(n);
    return [[new Cypher.Count(trainedOn), 'DESC'], ...byName(n)];
  }
  if (name !== 'models' || order === 'NAME') return byName(n);
  if (order === 'PARAMETERS_DESC')
    return [...nullsLast('parameters', ['minParameters']), [n.property('parameters'), 'DESC'], ...byName(n)];
  if (order === 'TRAINING_COMPUTE_DESC')
    return [
      ...nullsLast('trainingComputeFlop', ['minTrainingComputeFlop']),
      [n.property('trainingComputeFlop'), 'DESC'],
      ...byName(n),
    ];
  return [...nullsLast('releasedOn', ['releasedFrom', 'releasedTo']), [n.property('releasedOn'), 'ASC'], ...byName(n)];
}

/** What a page of a list is read with: the filters given (not null), the order, the plan, and whether to count. */
export interface ListQuestion {
  given: readonly string[];
  order: ListOrder;
  plan: RelationPlan;
  withTotal: boolean;
}

/**
 * Given a list and a question, returns the statement of one page: parameters $skip, $limit and one per filter
 * given; one row per entity of the page, in order: total (null unless counted), node (its projection). Counted,
 * the count comes first, so a page past the end still gives it (one row with a null node).
 */
export function listStatement(name: ListName, { given, order, plan, withTotal }: ListQuestion): string {
  const { label, filters } = LISTS[name];
  const n = new Cypher.NamedNode('n');
  const used = Object.keys(filters).filter((filter) => given.includes(filter));
  const matched = (): Cypher.Match => {
    const patterns: Cypher.Pattern[] = [];
    const conditions: Cypher.Predicate[] = [];
    for (const filter of used) {
      const spec = filters[filter];
      const value = new Cypher.NamedParam(filter);
      if ('match' in spec) patterns.push(spec.match(n, value));
      else conditions.push(spec.where(n, value));
    }
    const matches = [new Cypher.Pattern(n, { labels: label }), ...patterns].map((pattern) => new Cypher.Match(pattern));
    if (conditions.length > 0) matches[matches.length - 1].where(Cypher.and(...conditions)!);
    return matches.reduce((all, match) => all.match(match) as Cypher.Match);
  };
  // Only a pattern beyond n itself can meet n more than once.
  const distinct = used.some((filter) => 'match' in filters[filter]);
  const page = (match: Cypher.Match) => {
    const projection = new Cypher.With(n);
    if (distinct) projection.distinct();
    return Cypher.utils.concat(
      match,
      projection
        .orderBy(...orderOf(name, order, used, n))
        .skip(new Cypher.NamedParam('skip'))
        .limit(new Cypher.NamedParam('limit')),
    );
  };
  const node = rowProjection(n, null, [], plan, 0);
  const total = new Cypher.NamedVariable('total');
  if (!withTotal)
    return Cypher.utils.concat(page(matched()), new Cypher.Return([Cypher.Null, total], [node, 'node'])).build().cypher;
  const count = new Cypher.Call(
    Cypher.utils.concat(matched(), new Cypher.Return([Cypher.count(n).distinct(), total])),
    [],
  );
  const nodes = new Cypher.OptionalCall(Cypher.utils.concat(page(matched()), new Cypher.Return([node, 'node'])), []);
  return Cypher.utils.concat(count, nodes, new Cypher.Return(total, new Cypher.NamedVariable('node'))).build().cypher;
}

/** Given a label, returns the statement of all its entities (every property) by order, then name: a row, node, each. */
export function allOfLabelStatement(label: Label): string {
  const n = new Cypher.NamedNode('n');
  return new Cypher.Match(new Cypher.Pattern(n, { labels: label }))
    .return([new Cypher.MapProjection(n, '*'), 'node'])
    .orderBy([n.property('order'), 'ASC'], ...byName(n))
    .limit(MAX_RELATED)
    .build().cypher;
}
