// name: seed/bulk-create-relationships
// Parameters: $rows = [{ from, to, properties }] of one type; __TYPE__ is replaced from the seed's type allow-list.
// Creates each relationship between two existing entities, found through the entity_id uniqueness constraint's
// index; for a bulk load into an empty database. Returns one row: created (a row whose ends are missing creates none).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.properties
RETURN count(r) AS created
