// name: analytics/ids-of-nodes
// Parameters: $nodes = internal node ids (from analytics/dependency-graph). Returns one row per node still in the
// graph: node (the internal id) and id (its entity id).
UNWIND $nodes AS node
MATCH (n)
WHERE id(n) = node
RETURN node, n.id AS id
