// name: analytics/dependency-paths
// Parameters: $from, $to = entity ids. __FIRST__ and __MAX_HOPS__ are validated integers written into the text
// (Cypher takes only literals there).
// Returns one row: fromFound, toFound, and paths = every dependency path from $from to $to in the __FIRST__
// shortest length groups that never visits an entity twice, ordered by length, then entity ids, then relations,
// each { nodes: [{ node, label }], steps: [{ relation, confidence, sourceIds }] }. The first __FIRST__ distinct
// routes (entity sequences) all lie in those groups, so the caller can merge paths that differ only in parallel
// relations and cut after __FIRST__.
// The quantifier starts at 0 (the empty path is refused by size(y) > 0) because Neo4j 5.26 rejects {1,1} here.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = SHORTEST __FIRST__ GROUPS (
    (a) ((x)-[:DEPENDS_ON]->(y)){0,__MAX_HOPS__} (b)
    WHERE size(y) > 0 AND NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..])
  )
  WITH p, [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | r.relation] AS relations
  ORDER BY length(p), ids, relations
  RETURN collect({
    nodes: [n IN nodes(p) | {node: n {.*}, label: [l IN labels(n) WHERE l <> 'Entity'][0]}],
    steps: [r IN relationships(p) | r {.relation, .confidence, .sourceIds}]
  }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths
