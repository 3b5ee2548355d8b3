// name: entities/list-models
// A fragment of entities/list-page: foundation models n matching the filters given. A line naming a $parameter is
// kept only when that filter is given, so each combination of filters is planned on its own and can use the indexes.
// Parameters: $developer, $access, $minParameters, $releasedFrom, $releasedTo (each optional). A $releasedTo of
// "2023" includes all of 2023.
MATCH (n:FoundationModel)
MATCH (:Company {id: $developer})-[:DEVELOPS]->(n)
WHERE true
  AND n.access = $access
  AND n.parameters >= $minParameters
  AND n.releasedOn >= $releasedFrom
  AND (n.releasedOn <= $releasedTo OR n.releasedOn STARTS WITH $releasedTo)
