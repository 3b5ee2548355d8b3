// name: analytics/steps-from
// Parameters: $ids = entity ids. Returns one row per dependency leaving one of them: from, to, relation, and the
// confidence and sourceIds of the facts behind it.
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[d:DEPENDS_ON]->(y)
RETURN x.id AS from, y.id AS to, d.relation AS relation, d.confidence AS confidence, d.sourceIds AS sourceIds
