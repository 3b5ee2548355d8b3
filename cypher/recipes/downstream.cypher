// recipe: what depends on TSMC, directly or not?
// Mirrors the API's downstream(of: "tsmc", maxHops: 6).
MATCH (root:Entity {id: 'tsmc'})
MATCH p = ANY SHORTEST (root)<-[:DEPENDS_ON]-{1,6}(n)
WHERE n <> root
RETURN n.id AS id, labels(n) AS labels, n.name AS name, length(p) AS distance
ORDER BY distance, name;
