// name: imports/create-nodes
// Parameters: $rows = [{ properties }] of one label set; __LABELS__ (e.g. Company:Entity) comes from the label
// allow-list. Creates each node with exactly its properties. Returns one row: created.
UNWIND $rows AS row
CREATE (n:__LABELS__)
SET n = row.properties
RETURN count(n) AS created
