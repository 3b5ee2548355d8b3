// name: seed/bulk-derive-dependencies
// Parameters: $rules = [{ kind, dependent, dependency, relation }] as for dependencies/derive; $batchSize = dependents
// per inner transaction (an integer).
// The bulk load's form of dependencies/derive, for a database that holds no DEPENDS_ON yet: the same relationships
// with the same properties, created rather than merged. Every DEPENDS_ON comes from its dependent's own facts, so the
// work splits exactly by dependent, in transactions of $batchSize dependents; it therefore runs only in an implicit
// (auto-commit) transaction. Keep the derivation in step with dependencies/derive.
// Returns one row: created.
MATCH (a:Entity)
WHERE a:Service OR a:FoundationModel OR a:Company
CALL (a) {
  CALL (a) {
    MATCH (a:Service)-[r:BUILT_ON]->(b:FoundationModel)
    RETURN b, 'BUILT_ON' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (b:Company)-[r:PROVIDES]->(a:Service)
    RETURN b, 'PROVIDED_BY' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (b:Company)-[r:DEVELOPS]->(a:FoundationModel)
    RETURN b, 'DEVELOPED_BY' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Company)-[r:ADOPTS]->(b:FoundationModel)
    RETURN b, 'ADOPTS' AS relation, null AS via, null AS since, r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    UNWIND $rules AS rule
    MATCH (a:Company)-[ra:PARTY_TO {role: rule.dependent}]->(p:Partnership {kind: rule.kind})<-[rb:PARTY_TO {role: rule.dependency}]-(b:Company)
    WHERE a <> b
    RETURN b, rule.relation AS relation, p.id AS via, p.announcedOn AS since, p.sourceIds AS sourceIds, p.confidence AS confidence
  }
  WITH a, b, relation, via, since, sourceIds, confidence
  ORDER BY via
  WITH a, b, relation, collect(via) AS via, min(since) AS since, collect(sourceIds) AS sourceLists, collect(confidence) AS confidences
  WITH a, b, relation, via, since,
       reduce(ids = [], list IN sourceLists | ids + [id IN list WHERE NOT id IN ids]) AS sourceIds,
       CASE WHEN 'CONFIRMED' IN confidences THEN 'CONFIRMED' WHEN 'REPORTED' IN confidences THEN 'REPORTED' ELSE 'UNCERTAIN' END AS confidence
  WITH a, b, {relation: relation, via: via, sourceIds: sourceIds, confidence: confidence} AS props, since
  WITH a, b, CASE WHEN since IS NULL THEN props ELSE props {.*, since: since} END AS props
  CREATE (a)-[d:DEPENDS_ON]->(b)
  SET d = props
  RETURN count(d) AS created
} IN TRANSACTIONS OF $batchSize ROWS
RETURN sum(created) AS created
