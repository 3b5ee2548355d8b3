// name: curation/link-claims
// Parameters: $links = [{ from, to, properties }]: claims a restored entity kept (properties hold field and tier).
// Adds each (from)-[:CLAIM {field, tier}]->(to) that does not exist yet, with its properties. Returns one row: added.
UNWIND $links AS link
MATCH (a:Entity {id: link.from})
MATCH (b:Source {id: link.to})
MERGE (a)-[r:CLAIM {field: link.properties.field, tier: link.properties.tier}]->(b)
ON CREATE SET r = link.properties
RETURN count(r) AS added
