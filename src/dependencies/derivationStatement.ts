import { integer } from '../db/integer';
import { CONFIDENCE } from '../domain/enums';
import type { GraphModel } from '../domain/graphModel';
import { dependencyFacts, partiesPattern } from './dependencyFacts';

/** A statement to run: its Cypher text and its parameters. */
export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/** Indents every line of a text by the given number of spaces. */
const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/** The one row per fact behind a dependency of `a`: b, relation, via, since, sourceIds, confidence. */
function factRows(model: GraphModel): string {
  const { relationships, party } = dependencyFacts(model);
  const branches = relationships.map(
    ({ relation, pattern, reflexive }) =>
      `MATCH ${pattern}\n${reflexive ? 'WHERE a <> b\n' : ''}` +
      `RETURN b, '${relation}' AS relation, null AS via, null AS since,\n` +
      '       r.sourceIds AS sourceIds, r.confidence AS confidence',
  );
  if (party) {
    const maps = { ra: '{role: rule.dependent}', p: '{kind: rule.kind}', rb: '{role: rule.dependency}' };
    const pattern = partiesPattern(party, maps, '\n      ');
    branches.push(
      `UNWIND $rules AS rule\nMATCH ${pattern}\nWHERE a <> b\n` +
        'RETURN b, rule.relation AS relation, p.id AS via, p.announcedOn AS since,\n' +
        '       p.sourceIds AS sourceIds, p.confidence AS confidence',
    );
  }
  if (branches.length === 0) throw new Error('the model has no relationship or partnership that makes a dependency');
  return branches.join('\nUNION ALL\n');
}

/** The strongest of the collected `confidences`, its lines after the first indented by `margin`. */
function strongestConfidenceCase(margin: string): string {
  // CONFIDENCE lists the levels strongest first.
  const weakest = CONFIDENCE[CONFIDENCE.length - 1];
  const cases = CONFIDENCE.slice(0, -1).map((level) => `WHEN '${level}' IN confidences THEN '${level}'`);
  return `CASE ${[...cases, `ELSE '${weakest}' END`].join(`\n${margin}     `)}`;
}

/**
 * Given a model, returns the ONE statement that derives its DEPENDS_ON relationships from the facts: for each node
 * that may depend on another, one (a)-[:DEPENDS_ON {relation}]->(b) per pair and relation, carrying the sources and
 * the strongest confidence of the facts behind it, and for partnership-derived ones `via` (the partnerships' ids)
 * and `since` (the earliest announcement, absent when none is dated). New and changed ones are written, equal ones
 * left untouched. It returns one row: created, updated, unchanged. Without a batch size it runs in any transaction;
 * with one (`{ batchSize }`, dependents per inner transaction) it commits as it goes, which only an implicit
 * (auto-commit) transaction allows. Every DEPENDS_ON comes from its dependent's own facts, so the work splits
 * exactly by dependent.
 */
export function derivationStatement(model: GraphModel, options: { batchSize?: number } = {}): Statement {
  const { dependentLabels } = dependencyFacts(model);
  const body = `CALL (a) {
${indent(factRows(model), 2)}
}
WITH a, b, relation, via, since, sourceIds, confidence
ORDER BY via
WITH a, b, relation, collect(via) AS via, min(since) AS since, collect(sourceIds) AS sourceLists,
     collect(confidence) AS confidences
WITH a, b, relation, via, since,
     reduce(ids = [], list IN sourceLists | ids + [id IN list WHERE NOT id IN ids]) AS sourceIds,
     ${strongestConfidenceCase('     ')} AS confidence
WITH a, b, relation, {relation: relation, via: via, sourceIds: sourceIds, confidence: confidence} AS props, since
WITH a, b, relation, CASE WHEN since IS NULL THEN props ELSE props {.*, since: since} END AS props
OPTIONAL MATCH (a)-[old:DEPENDS_ON {relation: relation}]->(b)
WITH a, b, relation, props, old IS NULL AS isNew, properties(old) AS before
MERGE (a)-[d:DEPENDS_ON {relation: relation}]->(b)
WITH d, props, isNew, coalesce(before = props, false) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET d = props)
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged`;
  const { batchSize } = options;
  const batched = batchSize !== undefined;
  const text = `MATCH (a:Entity)
WHERE ${dependentLabels.map((label) => `a:${label}`).join(' OR ')}
CALL (a) {
${indent(body, 2)}
}${batched ? ' IN TRANSACTIONS OF $batchSize ROWS' : ''}
RETURN sum(created) AS created, sum(updated) AS updated, sum(unchanged) AS unchanged`;
  const rules = model.partnershipDependencies.map((rule) => ({ ...rule }));
  return { text, params: batched ? { rules, batchSize: integer(batchSize) } : { rules } };
}
