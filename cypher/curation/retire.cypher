// name: curation/retire
// Parameters: $id, $reason, $by, $relationships (one JSON text per relationship the entity had, from
// curation/relationships-of). __LABEL__ comes from the label allow-list. The entity keeps its properties but loses
// :Entity, its own label and every relationship, which it keeps as $relationships, so no query, analytic, export or
// expansion from a live entity finds it; restore re-creates them and re-derives the dependencies.
MATCH (n:__LABEL__ {id: $id})
OPTIONAL MATCH (n)-[r]-()
DELETE r
WITH DISTINCT n
REMOVE n:Entity:__LABEL__
SET n:Retired, n.retiredLabel = '__LABEL__', n.retiredReason = $reason, n.retiredBy = $by,
    n.retiredAt = toString(datetime.statement()), n.retiredRelationships = $relationships
