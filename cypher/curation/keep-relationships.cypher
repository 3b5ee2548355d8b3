// name: curation/keep-relationships
// Parameters: $kept = [{ id, relationships }]. Adds JSON texts of relationships to those each retired entity keeps
// for its restore (a relationship to an entity restored while this one stays retired).
UNWIND $kept AS entry
MATCH (n:Retired {id: entry.id})
SET n.retiredRelationships = coalesce(n.retiredRelationships, []) + entry.relationships
