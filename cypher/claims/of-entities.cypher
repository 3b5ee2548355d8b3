// name: claims/of-entities
// Parameters: $ids = entity ids. __TYPES__ is replaced with the relationship types whose sourceIds state an entity's
// fields (the graph model's, joined by |).
// Returns one row per live entity found: id; claims (its CLAIM relationships: field, value, confidence, tier,
// preferred, sourceId, snapshotOn of the source, note: the source's explanation); links (its relationships of
// __TYPES__: type, out (whether it leaves the entity), other (the other end's id), confidence, sources (each Source
// named in its sourceIds: id, sourceKind, snapshotOn)).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[c:CLAIM]->(s:Source)
  RETURN collect({field: c.field, value: c.value, confidence: c.confidence, tier: c.tier,
                  preferred: coalesce(c.preferred, false), sourceId: s.id, snapshotOn: s.snapshotOn,
                  note: c.note}) AS claims
}
CALL (e) {
  MATCH (e)-[r:__TYPES__]-(o:Entity)
  WHERE size(coalesce(r.sourceIds, [])) > 0
  CALL (r) {
    UNWIND r.sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    RETURN collect({id: s.id, sourceKind: s.sourceKind, snapshotOn: s.snapshotOn}) AS sources
  }
  RETURN collect({type: type(r), out: startNode(r) = e, other: o.id, confidence: r.confidence, sources: sources})
         AS links
}
RETURN id, claims, links
LIMIT 10000
