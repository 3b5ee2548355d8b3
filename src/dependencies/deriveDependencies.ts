import type { TransactionRunner } from '../db/queryRunner';
import { GRAPH, type GraphModel } from '../domain/graphModel';
import { derivationStatement } from './derivationStatement';
import { staleDependenciesStatement } from './staleDependenciesStatement';

/** Derived DEPENDS_ON relationships: written or changed, deleted (their facts are gone), and left as they were. */
export interface DependencyCounts {
  written: number;
  deleted: number;
  unchanged: number;
}

/**
 * Re-derives the DEPENDS_ON relationships of a model (GRAPH by default) from the facts inside the caller's
 * transaction: deletes those whose facts are gone, writes new and changed ones, leaves equal ones untouched.
 */
export async function deriveDependencies(tx: TransactionRunner, model: GraphModel = GRAPH): Promise<DependencyCounts> {
  const stale = staleDependenciesStatement(model);
  const [removed] = await tx.run(stale.text, stale.params);
  const derivation = derivationStatement(model);
  const [derived] = await tx.run(derivation.text, derivation.params);
  return {
    written: (derived.created as number) + (derived.updated as number),
    deleted: removed.deleted as number,
    unchanged: derived.unchanged as number,
  };
}
