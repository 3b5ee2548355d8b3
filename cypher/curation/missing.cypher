// name: curation/missing
// Parameters: $refs = [{ id, label }], what a mutation points at. Returns one row per ref that is not an entity of
// that label: id, label, and the labels it has instead (empty when no entity has the id).
UNWIND $refs AS ref
OPTIONAL MATCH (m:Entity {id: ref.id})
WITH ref, m
WHERE m IS NULL OR NOT ref.label IN labels(m)
RETURN ref.id AS id, ref.label AS label, [label IN coalesce(labels(m), []) WHERE label <> 'Entity'] AS actual
