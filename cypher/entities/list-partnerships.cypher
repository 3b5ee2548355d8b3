// name: entities/list-partnerships
// A fragment of entities/list-page: partnerships n matching the filters given. A line naming a $parameter is kept
// only when that filter is given, so each combination of filters is planned on its own and can use the indexes.
// Parameters: $company, $kind, $from, $to (each optional). A $to of "2023" includes all of 2023. Ordered oldest
// first, undated last, then by name (entities/list-page).
MATCH (n:Partnership)
MATCH (:Company {id: $company})-[:PARTY_TO]->(n)
WHERE true
  AND n.kind = $kind
  AND n.announcedOn >= $from
  AND (n.announcedOn <= $to OR n.announcedOn STARTS WITH $to)
