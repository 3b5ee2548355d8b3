// name: seed/bulk-create-nodes
// Parameters: $rows = [properties] of nodes of one label (each map holds the id); __LABEL__ is replaced from the
// seed's label allow-list. Creates each node with its label and :Entity; for a bulk load into an empty database.
// Returns one row: created.
UNWIND $rows AS row
CREATE (n:__LABEL__:Entity)
SET n = row
RETURN count(n) AS created
