// name: seed/merge-relationships
// Parameters: $rows = [{ from, to, properties }] of one type; __TYPE__ is replaced from the seed's type allow-list.
// Writes each relationship with exactly the given properties; leaves equal ones untouched.
// Returns one row: created, updated, unchanged (a row whose ends are missing is in none of them).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:__TYPE__]->(b)
WITH row, a, b, old IS NULL AS isNew, properties(old) AS before
MERGE (a)-[r:__TYPE__]->(b)
WITH r, row, isNew, coalesce(before = row.properties, false) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET r = row.properties)
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
