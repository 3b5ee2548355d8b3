// name: entities/related-out
// Parameters: $ids__N__ = entity ids. __TYPE__ and __LABEL__ come from the repository's relation allow-list; __N__ is
// the relation's position in its batch (entities/related-batch); __PROJECTION__ is m's properties the request reads
// (m { .id, .name } or m {.*}); __NESTED__ is empty or ", n0: <entities/nested-*>, ...".
// Returns one row per id that has any: relation (__N__), id, related = [{ node, rel, n0, ... }] ordered by name,
// following (n)-[:__TYPE__]->(m); nK holds m's entities along the K-th nested relation, in the same shape.
UNWIND $ids__N__ AS id
MATCH (:Entity {id: id})-[r:__TYPE__]->(m:__LABEL__)
WITH id, r, m
ORDER BY m.name, m.id
RETURN __N__ AS relation, id, collect({ node: __PROJECTION__, rel: properties(r)__NESTED__ })[..10000] AS related
