// name: seed/count-label
// __LABEL__ is replaced from the model's label allow-list (or Entity). Answered from Neo4j's count store.
// Returns one row: count.
MATCH (n:__LABEL__)
RETURN count(n) AS count
