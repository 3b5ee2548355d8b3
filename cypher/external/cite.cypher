// name: external/cite
// Parameters: $rows = [{ from, to }]: an entity and a source it now cites. Returns one row: created.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (s:Source {id: row.to})
MERGE (a)-[r:CITES]->(s)
ON CREATE SET r.sourceIds = [s.id], r.confidence = 'CONFIRMED'
RETURN count(r) AS created
