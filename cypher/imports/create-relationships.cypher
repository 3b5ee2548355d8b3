// name: imports/create-relationships
// Parameters: $rows = [{ start, end, properties }] of one type; __TYPE__ comes from the relationship allow-list.
// Creates each relationship between the entities of those ids. Returns one row: created (a row whose ends are
// missing creates nothing, and the import fails).
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.properties
RETURN count(r) AS created
