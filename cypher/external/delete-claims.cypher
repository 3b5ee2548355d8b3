// name: external/delete-claims
// Parameters: $rows = [{ id, field, sourceId, tier }]: claims a source no longer makes. Returns one row: deleted.
UNWIND $rows AS row
MATCH (:Entity {id: row.id})-[c:CLAIM {field: row.field, tier: row.tier}]->(:Source {id: row.sourceId})
DELETE c
RETURN count(*) AS deleted
