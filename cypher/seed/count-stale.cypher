// name: seed/count-stale
// Parameters: $ids = every id in the seed files.
// Returns one row: stale = entities in the database that the seed files no longer define.
MATCH (n:Entity)
WHERE NOT n.id IN $ids
RETURN count(n) AS stale
