// name: curation/state
// Parameters: $id. Returns one row: whether a retired entity holds the id, and the labels of the entity that does.
OPTIONAL MATCH (r:Retired {id: $id})
OPTIONAL MATCH (e:Entity {id: $id})
RETURN r IS NOT NULL AS retired, [label IN labels(e) WHERE label <> 'Entity'] AS labels
