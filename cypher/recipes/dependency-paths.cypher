// recipe: how does AskUp depend on TSMC? The first 10 routes, none visiting an entity twice, by length then entity
// ids (all paths of the 10 shortest lengths are found, then ordered, so ties are settled the same way).
// Mirrors the API's dependencyPaths(from: "askup", to: "tsmc", maxHops: 6, first: 10).
MATCH (a:Entity {id: 'askup'})
MATCH (b:Entity {id: 'tsmc'})
MATCH p = SHORTEST 10 GROUPS (
  (a) ((x)-[:DEPENDS_ON]->(y)){1,6} (b)
  WHERE NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..])
)
WITH [n IN nodes(p) | n.id] AS entities, [r IN relationships(p) | r.relation] AS relations
ORDER BY size(entities), entities, relations
// Paths through the same entities are one route; each step lists every relation between its two entities.
WITH entities, collect(relations) AS alternatives
ORDER BY size(entities), entities
LIMIT 10
RETURN size(entities) - 1 AS length, entities,
       [i IN range(0, size(entities) - 2) | reduce(step = [], relations IN alternatives |
          CASE WHEN relations[i] IN step THEN step ELSE step + relations[i] END)] AS relations;
