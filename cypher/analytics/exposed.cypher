// name: analytics/exposed
// Parameters: $id = an entity's id.
// Returns no rows when $id is unknown; otherwise one row per entity: the root (isRoot) and everything with it
// upstream at any distance: node (properties), label. (DISTINCT over a variable-length pattern lets Neo4j walk
// breadth-first and visit each entity once.)
MATCH (root:Entity {id: $id})
CALL (root) {
  RETURN root AS n
  UNION
  MATCH (root)<-[:DEPENDS_ON*]-(n)
  RETURN DISTINCT n
}
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.id = $id AS isRoot
