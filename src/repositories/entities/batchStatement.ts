/**
 * The statement of a batch of readings by id (entities of a label, or a relation's entities of each id), built with
 * @neo4j/cypher-builder: one branch per reading, joined by UNION ALL, each returning its rows as
 * relation (the branch's position), id, related (the entities as rowProjection reads them).
 */
import Cypher from '@neo4j/cypher-builder';
import type { Label } from '../../domain/graphModel';
import type { RelationPlan } from './relationPlan';
import type { RelationName } from './relations';
import { nestedCollect, rowProjection } from './rowProjection';

/** The variable of an entity's id in a branch, and its column. */
const id = new Cypher.NamedVariable('id');

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
