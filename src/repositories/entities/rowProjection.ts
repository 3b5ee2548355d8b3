/**
 * The projection of an entity in the read path's statements, built with @neo4j/cypher-builder: it holds only the
 * planned properties, the relationship's served properties (__rel) and one COLLECT subquery per nested relation
 * (__n0, __n1, ...), so a root field reads its whole selection in one statement.
 * Variables are named (n or m at the top, r1/m1 one level down, ...) so the text reads like hand-written Cypher.
 */
import Cypher from '@neo4j/cypher-builder';
import type { RelationPlan } from './relationPlan';
import { RELATIONS, type RelationName } from './relations';

/** How many entities one relation of one entity yields at most: a bound on every nested list. */
export const MAX_RELATED = 10000;

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
export function nestedCollect(
  name: RelationName,
  plan: RelationPlan,
  from: Cypher.Node,
  depth: number,
): Cypher.Collect {
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
