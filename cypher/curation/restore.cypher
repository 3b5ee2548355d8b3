// name: curation/restore
// Parameters: $id. __LABEL__ is the label the entity had (from the allow-list). Brings it back as it was.
MATCH (n:Retired {id: $id})
REMOVE n:Retired, n.retiredLabel, n.retiredReason, n.retiredBy, n.retiredAt
SET n:Entity:__LABEL__
