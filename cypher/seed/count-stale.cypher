// name: seed/count-stale
// Parameters: $ids = every id in the seed files; $types = the relationship types the seed writes; $seedSources = the
// ids of the seed's sources.
// Returns one row: stale = entities the seed files no longer define that no other source (an imported database)
// states; relationships = the relationships of $types that a seed source states (after a write, those beyond the
// seed's own are ones the files no longer define).
CALL () {
  MATCH (n:Entity)
  WHERE NOT n.id IN $ids AND all(s IN coalesce(n.sourceIds, []) WHERE s IN $seedSources OR s = n.id)
  RETURN count(n) AS stale
}
CALL () {
  MATCH ()-[r]->()
  WHERE type(r) IN $types AND any(s IN coalesce(r.sourceIds, []) WHERE s IN $seedSources)
  RETURN count(r) AS relationships
}
RETURN stale, relationships
