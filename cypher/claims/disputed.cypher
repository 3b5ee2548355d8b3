// name: claims/disputed
// Parameters: none. __TYPES__ is replaced with the relationship types whose sourceIds state an entity's fields (the
// graph model's, joined by |).
// Returns one row per live entity with a field that two or more sources state (retired entities are not :Entity):
// id, labels, claims (every CLAIM of its fields stated by two or more sources, as in claims/of-entities), links (its
// relationships of a type and direction that two or more sources state, as in claims/of-entities).
CALL () {
  MATCH (e:Entity)-[c:CLAIM]->(s:Source)
  WITH e, c.field AS field,
       collect({field: c.field, value: c.value, confidence: c.confidence, tier: c.tier,
                preferred: coalesce(c.preferred, false), sourceId: s.id, snapshotOn: s.snapshotOn,
                note: c.note}) AS claims
  WHERE size(claims) > 1
  RETURN e, claims, [] AS links
  UNION ALL
  MATCH (e:Entity)-[r:__TYPES__]-(o:Entity)
  WHERE size(coalesce(r.sourceIds, [])) > 0
  WITH e, type(r) AS type, startNode(r) = e AS out,
       collect({type: type(r), out: startNode(r) = e, other: o.id, confidence: r.confidence, sourceIds: r.sourceIds})
       AS links
  WITH e, links, reduce(named = [], link IN links | named + [id IN link.sourceIds WHERE NOT id IN named]) AS named
  WHERE size(named) > 1
  RETURN e, [] AS claims, links
}
WITH e, collect(claims) AS claims, collect(links) AS links
WITH e,
     reduce(all = [], part IN claims | all + part) AS claims,
     reduce(all = [], part IN links | all + part) AS links
CALL (links) {
  UNWIND links AS link
  UNWIND link.sourceIds AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect({id: s.id, sourceKind: s.sourceKind, snapshotOn: s.snapshotOn}) AS sources
}
RETURN e.id AS id, labels(e) AS labels, claims,
       [link IN links | link {.type, .out, .other, .confidence,
         sources: [source IN sources WHERE source.id IN link.sourceIds]}] AS links
ORDER BY id
LIMIT 100000
