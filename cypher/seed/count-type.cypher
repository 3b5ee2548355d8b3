// name: seed/count-type
// __TYPE__ is replaced from the seed's relationship types, CLAIM and DEPENDS_ON. Answered from Neo4j's count store.
// Returns one row: count.
MATCH ()-[r:__TYPE__]->()
RETURN count(r) AS count
