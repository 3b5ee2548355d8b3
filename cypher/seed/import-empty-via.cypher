// name: seed/import-empty-via
// Parameters: $batchSize = relationships per inner transaction.
// After Neo4j's importer, which writes no empty list: gives every DEPENDS_ON without `via` (none of its facts is a
// partnership) the empty list the transactional derivation gives it. Needs an implicit transaction.
// Returns one row: fixed.
MATCH ()-[d:DEPENDS_ON]->()
WHERE d.via IS NULL
CALL (d) {
  SET d.via = []
} IN TRANSACTIONS OF $batchSize ROWS
RETURN count(d) AS fixed
