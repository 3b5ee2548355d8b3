// name: curation/history
// Parameters: $entityId, $by, $action, $before, $after (JSON text or null), $sourceIds. Writes one audit record,
// numbered after the entity's last one (seq) and timed when this statement runs; both happen under the entity's
// lock, so seq follows the order in which the changes commit. Returns one row: id.
OPTIONAL MATCH (previous:HistoryRecord {entityId: $entityId})
WITH coalesce(max(previous.seq), 0) + 1 AS seq
CREATE (h:HistoryRecord {
  id: randomUUID(), entityId: $entityId, seq: seq, at: toString(datetime.statement()), by: $by, action: $action,
  before: $before, after: $after, sourceIds: $sourceIds
})
RETURN h.id AS id
