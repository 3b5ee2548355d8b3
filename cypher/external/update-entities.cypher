// name: external/update-entities
// Parameters: $rows = [{ id, set }]: the properties to change on each entity (a null removes one).
// Returns one row: updated.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.set
RETURN count(n) AS updated
