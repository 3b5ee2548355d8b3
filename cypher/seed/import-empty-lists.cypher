// name: seed/import-empty-lists
// Parameters: $rows = [{ id, properties }]: entities and their list properties that are empty, which Neo4j's
// importer does not write. Sets them, as the transactional load does.
// Returns one row: fixed.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.properties
RETURN count(n) AS fixed
