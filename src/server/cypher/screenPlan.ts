import type { QueryPlan } from '../../db/queryRunner';
import { EndpointError, IN_TRANSACTIONS_REFUSAL, LOAD_CSV_REFUSAL, forbidden } from './endpointError';
import { screenFunctionName } from './screenFunctionName';
import { writeKeywords } from './writeKeywords';

const WRITE_OPERATOR = /^(Create|Merge|LockingMerge|Delete|DetachDelete|Set[A-Z]|Remove|Foreach$|SubqueryForeach)/;
const SCHEMA_OPERATOR =
  /^((Create|Drop)(Index|Constraint)|DoNothingIfExists|AdministrationCommand|SystemProcedureCall)/;
const WRITE_CLAUSE_OF: [RegExp, string][] = [
  [/^(Create)/, 'CREATE'],
  [/^(Merge|LockingMerge)/, 'MERGE'],
  [/^DetachDelete/, 'DETACH DELETE'],
  [/^Delete/, 'DELETE'],
  [/^Remove/, 'REMOVE'],
  [/^Set/, 'SET'],
  [/^Foreach$/, 'FOREACH'],
  [/^SubqueryForeach/, 'CALL { ... }'],
];
/** Operators that read nodes whatever their labels: all of them, or any one by its id. */
const UNLABELLED_READ = /^(AllNodesScan|NodeByIdSeek|NodeByElementIdSeek)/;
/** A label of nodes only editors read, named in an operator's details as a label (`n:Retired`, `|HistoryRecord`). */
const PRIVATE_LABEL = /[:|&]\s*\(?\s*`?(Retired|HistoryRecord)\b/;
/** The refusal of a plan that could read retired entities or history records. */
export const PRIVATE_REFUSAL =
  'start from a label such as (n:Entity); retired entities and the edit history are for editors';
/** A dotted name followed by `(` in an operator's details: a function or procedure call. */
const CALL_IN_DETAILS = /(?<![\w.$`])`?([A-Za-z_][\w]*(?:`?\.`?[A-Za-z_][\w]*)+)`?\s*\(/g;

function writeClauses(query: string, ops: string[]): string {
  const fromText = writeKeywords(query);
  if (fromText.length > 0) return fromText.join(', ');
  const fromPlan = [
    ...new Set(
      ops.flatMap((op) => WRITE_CLAUSE_OF.filter(([pattern]) => pattern.test(op)).map(([, clause]) => clause)),
    ),
  ];
  return fromPlan.length > 0
    ? fromPlan.join(', ')
    : ops.filter((op) => WRITE_OPERATOR.test(op) || SCHEMA_OPERATOR.test(op)).join(', ') || 'unknown clause';
}

/** Refuses, for a caller who is not an editor, a plan reading nodes without a public label. */
function screenPrivate(operators: QueryPlan['operators'] & object): EndpointError | undefined {
  for (const { operatorType, details } of operators) {
    const name = operatorType.split('@')[0];
    if (UNLABELLED_READ.test(name))
      return forbidden(`the query reads nodes of any label (${name}): ${PRIVATE_REFUSAL}`);
    const label = PRIVATE_LABEL.exec(details)?.[1];
    if (label) return forbidden(`the query reads :${label} nodes (${name}): ${PRIVATE_REFUSAL}`);
  }
  return undefined;
}

/**
 * Given a query and its plan (EXPLAIN's query type and operators), refuses it unless it is a pure read of
 * `database` (and, unless the caller is an editor, reads nodes from public labels only). Returns the refusal, or
 * undefined.
 */
export function screenPlan(
  query: string,
  plan: QueryPlan,
  database: string,
  { editor = true }: { editor?: boolean } = {},
): EndpointError | undefined {
  const all = plan.operators;
  if (!all)
    return forbidden(
      'Neo4j gave no plan for the query, so it cannot be checked; only plannable read queries are allowed',
    );
  const names = all.map((op) => op.operatorType.split('@')[0]);
  const targets = [
    ...new Set(
      all.map((op) => op.operatorType.split('@')[1]).filter((db): db is string => db !== undefined && db !== ''),
    ),
  ];
  const foreign = targets.filter((db) => db.toLowerCase() !== database.toLowerCase());
  if (foreign.length > 0) {
    return forbidden(
      `the query runs on another database (${foreign.join(', ')}); only the "${database}" database can be queried`,
    );
  }
  for (const op of all) {
    const name = op.operatorType.split('@')[0];
    const { details } = op;
    if (/Procedure/i.test(name)) {
      return forbidden(
        `the query calls a procedure (${details.split(' :: ')[0] || name}); procedure calls are not allowed`,
      );
    }
    if (/CSV/i.test(name)) return forbidden(LOAD_CSV_REFUSAL);
    if (/^Transaction/.test(name)) {
      return forbidden(IN_TRANSACTIONS_REFUSAL);
    }
    if (/^(Show|Terminate)/.test(name))
      return forbidden(`the query is a ${name} command; only graph reads are allowed`);
    for (const match of details.matchAll(CALL_IN_DETAILS)) {
      const refusal = screenFunctionName(match[1].replace(/`/g, ''));
      if (refusal) return refusal;
    }
  }
  const schema = names.filter((name) => SCHEMA_OPERATOR.test(name));
  if (plan.queryType === 's' || schema.length > 0) {
    const what = schema.join(', ') || writeClauses(query, names);
    return forbidden(`the query changes the schema or administers the database (${what}); only reads are allowed`);
  }
  const writes = names.filter((name) => WRITE_OPERATOR.test(name));
  if (plan.queryType !== 'r' || writes.length > 0) {
    if (plan.queryType === 'w' || plan.queryType === 'rw' || writes.length > 0) {
      return forbidden(`the query writes to the database (${writeClauses(query, names)}); only reads are allowed`);
    }
    return forbidden(
      `Neo4j classifies the query as "${String(plan.queryType)}", not as a read ("r"); only reads are allowed`,
    );
  }
  return editor ? undefined : screenPrivate(all);
}
