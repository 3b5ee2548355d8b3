// name: imports/count-entities
// Returns one row: nodes, the database's node count (an import goes only into an empty database).
MATCH (n)
RETURN count(n) AS nodes
