// name: curation/lock
// Parameters: $id. __LABEL__ comes from the seed's label allow-list. Finds or creates the entity and takes its write
// lock, held to the end of the transaction, so concurrent mutations of one entity run one after another, each
// reading what the one before it committed. Returns one row: created, and the properties before this mutation.
MERGE (n:__LABEL__ {id: $id})
ON CREATE SET n:Entity, n.curationCreated = true
SET n.curationLock = true
REMOVE n.curationLock
WITH n, coalesce(n.curationCreated, false) AS created
REMOVE n.curationCreated
RETURN created, properties(n) AS before
