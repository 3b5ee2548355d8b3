// name: entities/related-out
// Parameters: $ids = entity ids; __TYPE__ and __LABEL__ come from the repository's relation allow-list.
// Returns one row per id that has any: id, related = [{ node, rel }] ordered by name, following (n)-[:__TYPE__]->(m).
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:__TYPE__]->(m:__LABEL__)
WITH id, r, m
ORDER BY m.name, m.id
RETURN id, collect({ node: m {.*}, rel: properties(r) })[..10000] AS related
