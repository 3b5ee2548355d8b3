// name: curation/history-of
// Parameters: $id, $includeRetired. Returns every audit record of the entity, oldest first (by seq: timestamps can
// tie, and their text does not sort as time does); none for a retired entity unless $includeRetired.
MATCH (h:HistoryRecord {entityId: $id})
WHERE $includeRetired OR NOT EXISTS { MATCH (:Retired {id: $id}) }
RETURN h {.*} AS record
ORDER BY h.seq
