// name: entities/all-of-label
// __LABEL__ comes from the repository's allow-list. Returns node per entity of that label, by order then name.
MATCH (n:__LABEL__)
RETURN n {.*} AS node
ORDER BY n.order, n.name, n.id
LIMIT 10000
