// name: dependencies/derive
// Parameters: $rules = [{ kind, dependent, dependency, relation }], the partnership kinds that make a dependency.
// Writes one (dependent)-[:DEPENDS_ON {relation}]->(dependency) per pair and relation, derived from the facts:
// BUILT_ON, PROVIDES (reversed: PROVIDED_BY), DEVELOPS (reversed: DEVELOPED_BY), ADOPTS, and the parties of
// INVESTMENT, LICENSING, SUPPLY, CLOUD and ACQUISITION partnerships. Each carries the sources and the strongest
// confidence of the facts behind it; partnership-derived ones also `via` (partnership ids) and `since` (the
// earliest announcement, absent when none is dated). Equal ones are left untouched.
// Returns one row: created, updated, unchanged.
CALL () {
  MATCH (a:Service)-[r:BUILT_ON]->(b:FoundationModel)
  RETURN a, b, 'BUILT_ON' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
  UNION ALL
  MATCH (b:Company)-[r:PROVIDES]->(a:Service)
  RETURN a, b, 'PROVIDED_BY' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
  UNION ALL
  MATCH (b:Company)-[r:DEVELOPS]->(a:FoundationModel)
  RETURN a, b, 'DEVELOPED_BY' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
  UNION ALL
  MATCH (a:Company)-[r:ADOPTS]->(b:FoundationModel)
  RETURN a, b, 'ADOPTS' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
  UNION ALL
  UNWIND $rules AS rule
  MATCH (a:Company)-[ra:PARTY_TO {role: rule.dependent}]->(p:Partnership {kind: rule.kind})<-[rb:PARTY_TO {role: rule.dependency}]-(b:Company)
  WHERE a <> b
  RETURN a, b, rule.relation AS relation, p.id AS via, p.announcedOn AS since, p.sourceIds AS sourceIds, p.confidence AS confidence
}
WITH a, b, relation, via, since, sourceIds, confidence
ORDER BY via
WITH a, b, relation, collect(via) AS via, min(since) AS since, collect(sourceIds) AS sourceLists, collect(confidence) AS confidences
WITH a, b, relation, via, since,
     reduce(ids = [], list IN sourceLists | ids + [id IN list WHERE NOT id IN ids]) AS sourceIds,
     CASE WHEN 'CONFIRMED' IN confidences THEN 'CONFIRMED' WHEN 'REPORTED' IN confidences THEN 'REPORTED' ELSE 'UNCERTAIN' END AS confidence
WITH a, b, relation, {relation: relation, via: via, sourceIds: sourceIds, confidence: confidence} AS props, since
WITH a, b, relation, CASE WHEN since IS NULL THEN props ELSE props {.*, since: since} END AS props
OPTIONAL MATCH (a)-[old:DEPENDS_ON {relation: relation}]->(b)
WITH a, b, relation, props, old IS NULL AS isNew, properties(old) AS before
MERGE (a)-[d:DEPENDS_ON {relation: relation}]->(b)
WITH d, props, isNew, coalesce(before = props, false) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET d = props)
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
