/**
 * The statements that read entities with what their plan selects below them, built with @neo4j/cypher-builder:
 * one entity's projection holds only the planned properties, the relationship's served properties (__rel) and one
 * COLLECT subquery per nested relation (__n0, __n1, ...), so a root field reads its whole selection in one statement.
 * Variables are named (n or m at the top, r1/m1 one level down, ...) so the text reads like hand-written Cypher.
 */
import Cypher from '@neo4j/cypher-builder';
import type { Label } from '../../domain/graphModel';
import type { RelationPlan } from './relationPlan';
import { RELATIONS, type RelationName } from './relations';

/** How many entities one relation of one entity yields at most: a bound on every nested list. */
export const MAX_RELATED = 10000;

/** The variable of an entity's id in a batched branch, and the column of a branch's position in its batch. */
const id = new Cypher.NamedVariable('id');

/** Given an entity variable, returns its order in every list of related entities: by name, then id. */
export function byName(entity: Cypher.Node): [Cypher.Expr, Cypher.Order][] {
  return [
    [entity.property('name'), 'ASC'],
    [entity.property('id'), 'ASC'],
  ];
}

/**
 * Given entity variable `entity` reached through relationship variable `rel` (null at a root), the relationship's
 * served properties, a plan and the depth of `entity`, returns its projection: the planned properties (null: every
 * one), __rel, and each nested relation's entities as a COLLECT subquery with variables of depth + 1.
 */
export function rowProjection(
  entity: Cypher.Node,
  rel: Cypher.Relationship | null,
  relProperties: readonly string[],
  plan: RelationPlan,
  depth: number,
): Cypher.MapProjection {
  // Entries beginning with __ carry what is not a property; a planned property may not take their place.
  const reserved = plan.properties?.find((property) => property.startsWith('__'));
  if (reserved !== undefined) throw new Error(`not a property name: ${reserved}`);
  const extra: Record<string, Cypher.Expr> = {};
  if (rel !== null && relProperties.length > 0) extra.__rel = new Cypher.MapProjection(rel, [...relProperties]);
  plan.nested.forEach((below, index) => {
    extra[`__n${index}`] = nestedCollect(below.name, below.plan, entity, depth + 1);
  });
  return new Cypher.MapProjection(entity, plan.properties === null ? '*' : plan.properties, extra);
}

/** Given a relation, a plan, the entity variable above and a depth, returns the COLLECT subquery of its entities. */
function nestedCollect(name: RelationName, plan: RelationPlan, from: Cypher.Node, depth: number): Cypher.Collect {
  const relation = RELATIONS[name];
  const rel = new Cypher.NamedRelationship(`r${depth}`);
  const entity = new Cypher.NamedNode(`m${depth}`);
  const match = new Cypher.Match(
    new Cypher.Pattern(from)
      .related(rel, { type: relation.type, direction: relation.direction === 'out' ? 'right' : 'left' })
      .to(entity, { labels: relation.label }),
  )
    .with(rel, entity)
    .orderBy(...byName(entity))
    .limit(MAX_RELATED)
    .return(rowProjection(entity, rel, relation.properties, plan, depth));
  return new Cypher.Collect(match);
}

/**
 * Given a relation, a position in a batch and a plan, returns the branch reading that relation for the ids in
 * $ids<index>: one row per id found: relation (the position), id, related (its entities by name).
 */
export function relatedBranch(name: RelationName, index: number, plan: RelationPlan): Cypher.Clause {
  const entity = new Cypher.NamedNode('n');
  return new Cypher.Unwind([new Cypher.NamedParam(`ids${index}`), id])
    .match(new Cypher.Pattern(entity, { labels: 'Entity', properties: { id } }))
    .return([new Cypher.Literal(index), 'relation'], id, [nestedCollect(name, plan, entity, 0), 'related']);
}

/**
 * Given a label, a position in a batch and a plan, returns the branch reading the entities of that label with the
 * ids in $ids<index>, in the shape of a relation's: relation (the position), id, related = [the entity].
 */
export function entityBranch(label: Label, index: number, plan: RelationPlan): Cypher.Clause {
  const entity = new Cypher.NamedNode('m');
  return new Cypher.Unwind([new Cypher.NamedParam(`ids${index}`), id])
    .match(new Cypher.Pattern(entity, { labels: label, properties: { id } }))
    .return([new Cypher.Literal(index), 'relation'], id, [
      new Cypher.List([rowProjection(entity, null, [], plan, 0)]),
      'related',
    ]);
}

/** Given the branches of a batch, returns its statement: the one branch, or all of them joined by UNION ALL. */
export function batchStatement(branches: readonly Cypher.Clause[]): string {
  if (branches.length === 1) return branches[0].build().cypher;
  const union = new Cypher.Union(...branches).all();
  return new Cypher.Call(union, [])
    .return(new Cypher.NamedVariable('relation'), id, new Cypher.NamedVariable('related'))
    .build().cypher;
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
