// name: entities/related-out
// Parameters: $ids__N__ = entity ids. __TYPE__ and __LABEL__ come from the repository's relation allow-list; __N__ is
// the relation's position in its batch (entities/related-batch); __ROW__ is m's projection: the properties the request
// reads, then __rel (r's properties the API serves, where the relation has any) and __n0, __n1, ... (m's entities
// along each nested relation, <entities/nested-*>), e.g. m { .id, .name, __n0: COLLECT { ... } }.
// Returns one row per id that has any: relation (__N__), id, related = [__ROW__, ...] ordered by name, following
// (n)-[:__TYPE__]->(m).
UNWIND $ids__N__ AS id
MATCH (:Entity {id: id})-[r:__TYPE__]->(m:__LABEL__)
WITH id, r, m
ORDER BY m.name, m.id
RETURN __N__ AS relation, id, collect(__ROW__)[..10000] AS related
