// name: seed/count-stale
// Parameters: $ids = every id in the seed files; $types = the relationship types the seed writes.
// Returns one row: stale = entities the seed files no longer define; relationships = all relationships of $types
// (after a write, those beyond the seed's own are ones the files no longer define).
CALL () {
  MATCH (n:Entity)
  WHERE NOT n.id IN $ids
  RETURN count(n) AS stale
}
CALL () {
  MATCH ()-[r]->()
  WHERE type(r) IN $types
  RETURN count(r) AS relationships
}
RETURN stale, relationships
