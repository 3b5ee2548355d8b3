import type { RelationName } from './relations';

/**
 * What to read of a relation's entities: their properties (null: every one), and the relations below them to fetch
 * in the same statement, each under the response key that reads it and with its own plan.
 */
export interface RelationPlan {
  properties: string[] | null;
  nested: { key: string; name: RelationName; plan: RelationPlan }[];
}

/** What a connection field reads: its nodes' plan, and whether it reads totalCount (a count of every match). */
export interface ConnectionPlan {
  nodes: RelationPlan;
  totalCount: boolean;
}

const planKeys = new WeakMap<RelationPlan, string>();

const groupKeys = new WeakMap<RelationPlan, Map<string, string>>();

/** Given a plan, returns its identity: equal plans read the same, so their answers are interchangeable. */
export function planKey(plan: RelationPlan): string {
  let key = planKeys.get(plan);
  if (key === undefined) planKeys.set(plan, (key = JSON.stringify(plan)));
  return key;
}

/**
 * Given a prefix (a relation's name, or a label for a root lookup) and a plan, returns the key of what it reads:
 * equal for equal plans, and one string object per plan object, so maps keyed by it hash a long key once, not once
 * per entity.
 */
export function groupKey(prefix: string, plan: RelationPlan): string {
  let byPrefix = groupKeys.get(plan);
  if (!byPrefix) groupKeys.set(plan, (byPrefix = new Map()));
  let key = byPrefix.get(prefix);
  if (key === undefined) byPrefix.set(prefix, (key = `${prefix} ${planKey(plan)}`));
  return key;
}
