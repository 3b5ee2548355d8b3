// name: external/create-entities
// Parameters: $rows = [{ properties }] of one label; __LABEL__ comes from the label allow-list.
// Creates each new entity (an import found no entity of that name). Returns one row: created.
UNWIND $rows AS row
CREATE (n:__LABEL__:Entity)
SET n = row.properties
RETURN count(n) AS created
