// name: curation/history
// Parameters: $entityId, $by, $action, $before, $after (JSON text or null), $sourceIds. Writes one audit record,
// timed when this statement runs (after the entity's lock was taken). Returns one row: id.
CREATE (h:HistoryRecord {
  id: randomUUID(), entityId: $entityId, at: toString(datetime.statement()), by: $by, action: $action,
  before: $before, after: $after, sourceIds: $sourceIds
})
RETURN h.id AS id
