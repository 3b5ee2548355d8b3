// name: curation/cite
// Parameters: $id, $sourceIds. Adds (entity)-[:CITES]->(source) for each source it does not cite yet, as the seed
// does. Returns one row: created.
MATCH (n:Entity {id: $id})
UNWIND $sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
OPTIONAL MATCH (n)-[old:CITES]->(s)
WITH n, s, sourceId, old IS NULL AS isNew
MERGE (n)-[c:CITES]->(s)
ON CREATE SET c.sourceIds = [sourceId], c.confidence = 'CONFIRMED'
RETURN count(CASE WHEN isNew THEN 1 END) AS created
