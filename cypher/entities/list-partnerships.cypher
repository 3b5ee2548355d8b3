// name: entities/list-partnerships
// Parameters: $company, $kind, $from, $to (each null = any), $skip, $limit. A $to of "2023" includes all of 2023.
// Returns one row: total (all matches), nodes (the page), oldest first, undated last, then by name.
MATCH (n:Partnership)
WHERE ($company IS NULL OR EXISTS { (:Company {id: $company})-[:PARTY_TO]->(n) })
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($from IS NULL OR n.announcedOn >= $from)
  AND ($to IS NULL OR n.announcedOn <= $to OR n.announcedOn STARTS WITH $to)
WITH n
ORDER BY n.announcedOn IS NULL, n.announcedOn, n.name, n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [m IN matched[$skip..$skip + $limit] | m {.*}] AS nodes
