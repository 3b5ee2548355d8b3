// name: curation/ends
// Parameters: $ids. Returns one row per id held by a live or a retired entity: id, retired (true for a retired one).
UNWIND $ids AS id
OPTIONAL MATCH (live:Entity {id: id})
OPTIONAL MATCH (retired:Retired {id: id})
WITH id, live, retired
WHERE live IS NOT NULL OR retired IS NOT NULL
RETURN id, live IS NULL AS retired
