// name: seed/merge-nodes
// Parameters: $rows = [{ id, properties }] of one label; __LABEL__ is replaced from the seed's label allow-list.
// Writes each node with exactly the given properties (and the :Entity label); leaves equal nodes untouched.
// Equal means: same property map and already an :Entity.
// Returns one row: created, updated, unchanged.
UNWIND $rows AS row
OPTIONAL MATCH (old:__LABEL__ {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before, old:Entity AS wasEntity
MERGE (n:__LABEL__ {id: row.id})
WITH n, row, isNew, coalesce(before = row.properties AND wasEntity, false) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET n = row.properties SET n:Entity)
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
