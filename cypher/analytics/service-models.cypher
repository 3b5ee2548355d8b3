// name: analytics/service-models
// Parameters: $ids = entity ids. Returns one row per service among them: id, models (the models it is built on).
UNWIND $ids AS id
MATCH (s:Service {id: id})
RETURN s.id AS id, [(s)-[:DEPENDS_ON {relation: 'BUILT_ON'}]->(m) | m.id] AS models
