// name: imports/count-entities
// Returns one row: nodes, the database's node count (an import goes only into an empty database).
// The servers' bookkeeping (shared analytics, the migration lock) is not part of the graph.
MATCH (n)
WHERE NOT n:AnalyticsSnapshot AND NOT n:MigrationLock
RETURN count(n) AS nodes
