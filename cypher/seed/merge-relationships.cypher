// name: seed/merge-relationships
// Parameters: $rows = [{ from, to, properties }] of one type; $seedSources = the ids of the seed's sources.
// __TYPE__ is replaced from the seed's type allow-list.
// Writes each relationship with the given properties; the sources a relationship already cites that are not the
// seed's (a database that states it too) stay in its sourceIds. Leaves equal ones untouched.
// Returns one row: created, updated, unchanged (a row whose ends are missing is in none of them).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:__TYPE__]->(b)
WITH row, a, b, old IS NULL AS isNew, properties(old) AS before, row.properties AS given,
     [s IN coalesce(old.sourceIds, []) WHERE NOT s IN $seedSources AND NOT s IN row.properties.sourceIds] AS kept
WITH row, a, b, isNew, before, given { .*, sourceIds: given.sourceIds + kept } AS properties
MERGE (a)-[r:__TYPE__]->(b)
WITH r, isNew, properties, coalesce(before = properties, false) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET r = properties)
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
