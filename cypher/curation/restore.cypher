// name: curation/restore
// Parameters: $id. __LABEL__ is the label the entity had (from the allow-list). Brings it back as it was, without
// the relationships it kept while retired (the caller re-creates those). Returns one row: relationships, the JSON
// texts it kept (empty for one retired before it kept them, whose relationships stayed in place).
MATCH (n:Retired {id: $id})
WITH n, coalesce(n.retiredRelationships, []) AS relationships
REMOVE n:Retired, n.retiredLabel, n.retiredReason, n.retiredBy, n.retiredAt, n.retiredRelationships
SET n:Entity:__LABEL__
RETURN relationships
