// name: analytics/upstream
// Parameters: $id = the root entity's id. __MAX_HOPS__ is a validated integer written into the text.
// Returns no rows when $id is unknown; otherwise one row per entity: the root first, then everything
// it depends on within __MAX_HOPS__ steps: node (properties), label, and dependsOn (the ids of what the entity
// depends on), from which walkDistances gives each its fewest steps. (DISTINCT over a variable-length pattern lets Neo4j walk
// breadth-first and visit each entity once, where a shortest path per entity costs a search each.)
MATCH (root:Entity {id: $id})
CALL (root) {
  MATCH (root)-[:DEPENDS_ON*1..__MAX_HOPS__]->(n)
  WHERE n <> root
  RETURN collect(DISTINCT n) AS reached
}
UNWIND [root] + reached AS n
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       [(n)-[:DEPENDS_ON]->(m) | m.id] AS dependsOn
