// name: curation/retire
// Parameters: $id, $reason, $by. __LABEL__ comes from the label allow-list. The entity keeps its properties and
// relationships but loses :Entity and its own label, so no query, analytic or export finds it; its derived
// dependencies go (restore re-derives them).
MATCH (n:__LABEL__ {id: $id})
OPTIONAL MATCH (n)-[d:DEPENDS_ON]-()
DELETE d
WITH DISTINCT n
REMOVE n:Entity:__LABEL__
SET n:Retired, n.retiredLabel = '__LABEL__', n.retiredReason = $reason, n.retiredBy = $by, n.retiredAt = toString(datetime.statement())
