// name: external/merge-claims
// Parameters: $rows = [{ id, field, sourceId, tier, value, confidence, preferred, note }]: claims to write (new,
// changed, or whose preference changed); a null note removes it. Returns one row: written.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MATCH (s:Source {id: row.sourceId})
MERGE (e)-[c:CLAIM {field: row.field, tier: row.tier}]->(s)
SET c.value = row.value, c.confidence = row.confidence, c.preferred = row.preferred, c.note = row.note
RETURN count(c) AS written
