// name: external/merge-relationships
// Parameters: $rows = [{ from, to, sourceIds, confidence, properties }] of one type; __TYPE__ comes from the type
// allow-list. Creates a relationship a source states, or sets the sources of one that exists, and sets the
// properties the source states (a null removes one; the others stay).
// Returns one row: written.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__TYPE__]->(b)
ON CREATE SET r.confidence = row.confidence
SET r.sourceIds = row.sourceIds, r += row.properties
RETURN count(r) AS written
