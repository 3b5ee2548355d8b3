// name: entities/list-models
// Parameters: $developer, $access, $minParameters, $releasedFrom, $releasedTo (each null = any), $skip, $limit;
// __ORDER__ comes from the repository's order allow-list. A releasedTo of "2023" includes all of 2023.
// Returns one row: total (all matches), nodes (the page).
MATCH (n:FoundationModel)
WHERE ($developer IS NULL OR EXISTS { (:Company {id: $developer})-[:DEVELOPS]->(n) })
  AND ($access IS NULL OR n.access = $access)
  AND ($minParameters IS NULL OR n.parameters >= $minParameters)
  AND ($releasedFrom IS NULL OR n.releasedOn >= $releasedFrom)
  AND ($releasedTo IS NULL OR n.releasedOn <= $releasedTo OR n.releasedOn STARTS WITH $releasedTo)
WITH n
ORDER BY __ORDER__
WITH collect(n) AS matched
RETURN size(matched) AS total, [m IN matched[$skip..$skip + $limit] | m {.*}] AS nodes
