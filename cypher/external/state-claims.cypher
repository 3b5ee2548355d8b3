// name: external/state-claims
// Returns every claim in the graph: the entity's id, field, value, sourceId, confidence, tier, preferred, note, and
// the source's snapshotOn (a database's).
MATCH (n:Entity)-[c:CLAIM]->(s:Source)
RETURN n.id AS id, c.field AS field, c.value AS value, s.id AS sourceId, c.confidence AS confidence, c.tier AS tier,
       coalesce(c.preferred, false) AS preferred, s.snapshotOn AS snapshotOn, c.note AS note
