// name: curation/history-of
// Parameters: $id. Returns every audit record of the entity, oldest first (by seq: timestamps can tie, and their
// text does not sort as time does).
MATCH (h:HistoryRecord {entityId: $id})
RETURN h {.*} AS record
ORDER BY h.seq
