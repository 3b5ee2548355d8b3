// name: seed/count-all
// Returns one row: nodes and relationships of every label and type (from Neo4j's count store), without the
// servers' bookkeeping (shared analytics, the migration lock), which is not part of the graph.
CALL () {
  MATCH (n)
  RETURN count(n) AS all
}
CALL () {
  MATCH (n:AnalyticsSnapshot|MigrationLock)
  RETURN count(n) AS bookkeeping
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships
}
RETURN all - bookkeeping AS nodes, relationships
