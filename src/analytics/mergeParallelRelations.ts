import type { Confidence } from '../domain/enums';
import { strongestConfidence } from '../domain/strongestConfidence';

/** One dependency between two entities, as a DEPENDS_ON relationship carries it. */
export interface RelationFact {
  relation: string;
  confidence: string | null;
  sourceIds: readonly string[] | null;
}

/** Every relation by which one entity depends on another, as one step. */
export interface ParallelRelations {
  /** Each relation once, in the order given. */
  relations: string[];
  /** The strongest confidence of the relations: the step is as firm as its firmest fact. */
  confidence: Confidence;
  /** Every source of the relations once, the first relation's first. */
  sourceIds: string[];
}

/**
 * Given the facts by which one entity depends on another (a relation may come more than once, from several paths)
 * and a rank of relations, returns them as one step: the relations in rank order, the strongest confidence and
 * their sources without repeats.
 */
export function mergeParallelRelations(
  facts: readonly RelationFact[],
  rank: (relation: string) => number,
): ParallelRelations {
  const byRelation = new Map<string, RelationFact>();
  for (const fact of facts) if (!byRelation.has(fact.relation)) byRelation.set(fact.relation, fact);
  const ordered = [...byRelation.values()].sort((a, b) => rank(a.relation) - rank(b.relation));
  return {
    relations: ordered.map((fact) => fact.relation),
    confidence: strongestConfidence(ordered.map((fact) => fact.confidence)),
    sourceIds: [...new Set(ordered.flatMap((fact) => fact.sourceIds ?? []))],
  };
}
