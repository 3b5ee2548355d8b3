// name: seed/count-all
// Returns one row: nodes and relationships of every label and type (from Neo4j's count store).
CALL () {
  MATCH (n)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
