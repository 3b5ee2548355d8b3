// name: entities/list-companies
// Parameters: $country, $stage, $nameContains (each null = any), $skip, $limit.
// Returns one row: total (all matches), nodes (the page), ordered by name then id.
MATCH (n:Company)
WHERE ($country IS NULL OR n.country = $country)
  AND ($stage IS NULL OR EXISTS { (n)-[:PARTICIPATES_IN]->(:ValueChainStage {id: $stage}) })
  AND ($nameContains IS NULL
       OR toLower(n.name) CONTAINS toLower($nameContains)
       OR toLower(coalesce(n.nameKo, '')) CONTAINS toLower($nameContains))
WITH n
ORDER BY n.name, n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [m IN matched[$skip..$skip + $limit] | m {.*}] AS nodes
