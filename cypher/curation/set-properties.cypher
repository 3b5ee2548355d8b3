// name: curation/set-properties
// Parameters: $id, $properties (every property the entity is to have). __LABEL__ comes from the label allow-list.
MATCH (n:__LABEL__ {id: $id})
SET n = $properties
