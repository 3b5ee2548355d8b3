// name: seed/foreign
// Parameters: $ids = the seed's entity ids; $seedSources = the ids of the seed's sources.
// Returns one row per seed entity the graph knows more about than the seed: its claims of other tiers (an editor's,
// a database's: field, value, sourceId, confidence, tier, snapshotOn, preferred) and the sources it cites that are
// not the seed's (a database's, a record's own reference). The seed keeps both.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n,
     [s IN coalesce(n.sourceIds, []) WHERE NOT s IN $seedSources] AS sourceIds,
     [(n)-[c:CLAIM]->(s:Source) WHERE c.tier <> 'SEED' |
       { field: c.field, value: c.value, sourceId: s.id, confidence: c.confidence, tier: c.tier,
         snapshotOn: s.snapshotOn, preferred: coalesce(c.preferred, false) }] AS claims
WHERE size(sourceIds) > 0 OR size(claims) > 0
RETURN n.id AS id, sourceIds, claims
