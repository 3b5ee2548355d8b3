// name: entities/list-services
// Parameters: $provider, $model, $industry (each null = any), $skip, $limit.
// Returns one row: total (all matches), nodes (the page), ordered by name then id.
MATCH (n:Service)
WHERE ($provider IS NULL OR EXISTS { (:Company {id: $provider})-[:PROVIDES]->(n) })
  AND ($model IS NULL OR EXISTS { (n)-[:BUILT_ON]->(:FoundationModel {id: $model}) })
  AND ($industry IS NULL OR EXISTS { (n)-[:SERVES]->(:Industry {id: $industry}) })
WITH n
ORDER BY n.name, n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [m IN matched[$skip..$skip + $limit] | m {.*}] AS nodes
