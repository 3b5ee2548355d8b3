// name: entities/list-services
// A fragment of entities/list-page: services n matching the filters given. A line naming a $parameter is kept only
// when that filter is given, so each combination of filters is planned on its own and can use the indexes.
// Parameters: $provider, $model, $industry (each optional). Ordered by name then id (entities/list-page).
MATCH (n:Service)
MATCH (:Company {id: $provider})-[:PROVIDES]->(n)
MATCH (n)-[:BUILT_ON]->(:FoundationModel {id: $model})
MATCH (n)-[:SERVES]->(:Industry {id: $industry})
WHERE true
