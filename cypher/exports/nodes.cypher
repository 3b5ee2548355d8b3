// name: exports/nodes
// Returns every node of the graph (not retired entities, not the curation history, not the servers' bookkeeping:
// shared analytics, the migration lock), ordered by id: key (its id, or
// its element id when it has none), labels, and properties as
// [[key, value, type]] where type is Cypher's valueType() (so integers and floats stay apart). editedBy, an API
// key's name that earlier versions kept on edited entities, is left out.
MATCH (n)
WHERE NOT n:Retired AND NOT n:HistoryRecord AND NOT n:AnalyticsSnapshot AND NOT n:MigrationLock
RETURN coalesce(n.id, elementId(n)) AS key, labels(n) AS labels,
       [k IN keys(n) WHERE k <> 'editedBy' | [k, n[k], valueType(n[k])]] AS properties
ORDER BY key
