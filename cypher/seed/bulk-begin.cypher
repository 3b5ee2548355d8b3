// name: seed/bulk-begin
// Parameters: $dir = the seed folder being loaded.
// Starts a bulk load: when the database holds no node at all, creates the load's marker, a (:SeedBulkLoad) node that
// the load deletes in its last transaction, so a load that never finished is recognised later.
// Returns one row: nodes (in the database before this statement), interrupted (markers of unfinished loads).
CALL () {
  MATCH (n)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (m:SeedBulkLoad)
  RETURN count(m) AS interrupted
}
FOREACH (_ IN CASE WHEN nodes = 0 THEN [1] ELSE [] END | CREATE (:SeedBulkLoad {dir: $dir, startedAt: datetime()}))
RETURN nodes, interrupted
