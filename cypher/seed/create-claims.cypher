// name: seed/create-claims
// Parameters: $rows = [{ id, field, value, sourceId, confidence, preferred }]: the seed's claims, written into a
// database the same transaction has just emptied (seed --reset), so none exists yet.
// Returns one row: created, updated (0), unchanged (0).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MATCH (s:Source {id: row.sourceId})
CREATE (e)-[c:CLAIM {field: row.field, tier: 'SEED'}]->(s)
SET c.value = row.value, c.confidence = row.confidence, c.preferred = row.preferred
RETURN count(c) AS created, 0 AS updated, 0 AS unchanged
