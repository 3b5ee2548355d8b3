// recipe: how does AskUp depend on TSMC? The first 10 dependency paths, none visiting an entity twice, by length
// then entity ids (all paths of the 10 shortest lengths are found, then ordered, so ties are settled the same way).
// Mirrors the API's dependencyPaths(from: "askup", to: "tsmc", maxHops: 6, first: 10).
MATCH (a:Entity {id: 'askup'})
MATCH (b:Entity {id: 'tsmc'})
MATCH p = SHORTEST 10 GROUPS (
  (a) ((x)-[:DEPENDS_ON]->(y)){1,6} (b)
  WHERE NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..])
)
RETURN length(p) AS length, [n IN nodes(p) | n.id] AS entities, [r IN relationships(p) | r.relation] AS relations
ORDER BY length, entities, relations
LIMIT 10;
