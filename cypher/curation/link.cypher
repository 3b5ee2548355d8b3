// name: curation/link
// Parameters: $links = [{ from, to, properties }]. __TYPE__ comes from the relationship allow-list. Adds each
// (from)-[:__TYPE__]->(to) that does not exist yet, with its properties (sources, confidence, role); an existing
// one is left as it is. Returns one row: added = the [from, to] pairs it created.
UNWIND $links AS link
MATCH (a:Entity {id: link.from})
MATCH (b:Entity {id: link.to})
OPTIONAL MATCH (a)-[old:__TYPE__]->(b)
WITH a, b, link, old IS NULL AS isNew
MERGE (a)-[r:__TYPE__]->(b)
ON CREATE SET r = link.properties
RETURN [pair IN collect(CASE WHEN isNew THEN [link.from, link.to] END) WHERE pair IS NOT NULL] AS added
