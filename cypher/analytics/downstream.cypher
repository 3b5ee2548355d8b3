// name: analytics/downstream
// Parameters: $id = the root entity's id. __MAX_HOPS__ is a validated integer written into the text.
// Returns no rows when $id is unknown; otherwise one row per entity: the root first (distance 0), then everything
// that depends on it within __MAX_HOPS__ steps with its fewest-step distance: node (properties), label, distance.
MATCH (root:Entity {id: $id})
CALL (root) {
  RETURN root AS n, 0 AS distance
  UNION
  MATCH p = ANY SHORTEST (root)<-[:DEPENDS_ON]-{1,__MAX_HOPS__}(n)
  WHERE n <> root
  RETURN n, length(p) AS distance
}
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, distance
ORDER BY distance
