// name: analytics/dependency-graph
// The dependency graph as numbers only, for systemic ranks now (numbers decode far faster than ids): one row of
// parallel lists, nodes (the internal ids of every company, model and service) and kinds (0 company, 1 model,
// 2 service); froms and tos (the internal ids of each DEPENDS_ON's ends). The ids of the few companies an answer
// names are read afterwards (analytics/ids-of-nodes).
CALL () {
  MATCH (n:Company|FoundationModel|Service)
  RETURN collect(id(n)) AS nodes, collect(CASE WHEN n:Company THEN 0 WHEN n:FoundationModel THEN 1 ELSE 2 END) AS kinds
}
CALL () {
  MATCH (a)-[:DEPENDS_ON]->(b)
  RETURN collect(id(a)) AS froms, collect(id(b)) AS tos
}
RETURN nodes, kinds, froms, tos
