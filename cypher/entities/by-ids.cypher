// name: entities/by-ids
// Parameters: $ids = entity ids. Returns one row per id found: node (its properties), labels.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.*} AS node, labels(n) AS labels
LIMIT 10000
