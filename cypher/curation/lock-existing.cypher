// name: curation/lock-existing
// Parameters: $id. Takes the write lock of a live entity (retire) or a retired one (restore). Returns one row per
// match: labels (without Entity), properties.
MATCH (n {id: $id})
WHERE n:Entity OR n:Retired
SET n.curationLock = true
REMOVE n.curationLock
RETURN [label IN labels(n) WHERE label <> 'Entity'] AS labels, properties(n) AS properties
