// name: curation/history-of
// Parameters: $id. Returns every audit record of the entity, oldest first.
MATCH (h:HistoryRecord {entityId: $id})
RETURN h {.*} AS record
ORDER BY h.at, h.id
