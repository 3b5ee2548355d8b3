// recipe: what does AskUp ultimately depend on?
// Mirrors the API's upstream(of: "askup", maxHops: 6): everything reachable along DEPENDS_ON, with its fewest steps.
// Change the id or the {1,6} bound and run it in Neo4j Browser.
MATCH (root:Entity {id: 'askup'})
MATCH p = ANY SHORTEST (root)-[:DEPENDS_ON]->{1,6}(n)
WHERE n <> root
RETURN n.id AS id, labels(n) AS labels, n.name AS name, length(p) AS distance,
       [r IN relationships(p) | r.relation] AS via
ORDER BY distance, name;
