// name: analytics/firmly-exposed
// Parameters: $id = an entity's id.
// Returns one row per entity with $id upstream through a path without an UNCERTAIN step: id. A DEPENDS_ON carries
// the strongest confidence of the facts behind it, so one firm relation of a step makes the step firm. (DISTINCT
// over a variable-length pattern lets Neo4j walk breadth-first and visit each entity once.)
MATCH (root:Entity {id: $id})<-[steps:DEPENDS_ON*]-(n)
WHERE all(step IN steps WHERE step.confidence <> 'UNCERTAIN')
RETURN DISTINCT n.id AS id
