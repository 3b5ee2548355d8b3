// name: curation/relationships-of
// Parameters: $id. Returns one row per relationship of the live entity other than its derived dependencies: type,
// direction ('out' or 'in', seen from the entity), other (the id at the other end) and properties.
MATCH (n:Entity {id: $id})-[r]-(other)
WHERE type(r) <> 'DEPENDS_ON'
RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, other.id AS other,
       properties(r) AS properties
ORDER BY type, direction, other
