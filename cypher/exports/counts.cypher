// name: exports/counts
// Returns one row: nodes and relationships, as many as exports/nodes and exports/relationships return.
CALL () {
  MATCH (n)
  WHERE NOT n:Retired AND NOT n:HistoryRecord AND NOT n:AnalyticsSnapshot AND NOT n:MigrationLock
  RETURN count(n) AS nodes
}
CALL () { MATCH (a)-[r]->(b) WHERE NOT a:Retired AND NOT b:Retired AND NOT a:HistoryRecord AND NOT b:HistoryRecord RETURN count(r) AS relationships }
RETURN nodes, relationships
