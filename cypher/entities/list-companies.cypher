// name: entities/list-companies
// A fragment of entities/list-page: companies n matching the filters given. A line naming a $parameter is kept only
// when that filter is given, so each combination of filters is planned on its own and can use the indexes.
// Parameters: $country, $stage, $nameContains (each optional). Ordered by name then id (entities/list-page).
MATCH (n:Company)
MATCH (n)-[:PARTICIPATES_IN]->(:ValueChainStage {id: $stage})
WHERE true
  AND n.country = $country
  AND (toLower(n.name) CONTAINS toLower($nameContains) OR toLower(coalesce(n.nameKo, '')) CONTAINS toLower($nameContains))
