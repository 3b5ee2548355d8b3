// name: analytics/dependency-graph
// Parameters: $dated = whether dates are wanted (for systemic ranks as of a date).
// The dependency graph as numbers, for systemic ranks (numbers decode far faster than ids): one row of parallel
// lists, nodes (the internal ids of every company, model and service) and kinds (0 company, 1 model, 2 service);
// froms and tos (the internal ids of each DEPENDS_ON's ends). With $dated also dates (a model's releasedOn or a
// service's launchedOn, '' when none), sinces (the earliest announcement of a dependency's partnerships, '' when
// none) and dealt (whether partnerships make it); without, those are empty. The ids of the few companies an answer
// names are read afterwards (analytics/ids-of-nodes). Also sharedInputs and sharedResult: the digest of the inputs
// and the result stored for $snapshotKey by whichever server computed it last (null when none; see
// analytics/store-snapshot), so a server whose inputs have that digest answers from it instead of computing.
CALL () {
  MATCH (n:Company|FoundationModel|Service)
  RETURN collect(id(n)) AS nodes,
         collect(CASE WHEN n:Company THEN 0 WHEN n:FoundationModel THEN 1 ELSE 2 END) AS kinds,
         collect(CASE WHEN $dated THEN coalesce(n.releasedOn, n.launchedOn, '') END) AS dates
}
CALL () {
  MATCH (a)-[d:DEPENDS_ON]->(b)
  RETURN collect(id(a)) AS froms, collect(id(b)) AS tos,
         collect(CASE WHEN $dated THEN coalesce(d.since, '') END) AS sinces,
         collect(CASE WHEN $dated THEN coalesce(size(d.via), 0) > 0 END) AS dealt
}
OPTIONAL MATCH (s:AnalyticsSnapshot {key: $snapshotKey})
RETURN nodes, kinds, dates, froms, tos, sinces, dealt, s.inputs AS sharedInputs, s.result AS sharedResult
