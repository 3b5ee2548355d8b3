// name: analytics/dependency-network
// Returns one row of parallel lists (collect drops nulls, so a missing date is ''), for every company, model and
// service: ids, kinds (0 company, 1 model, 2 service) and dates (a model's releasedOn or a service's launchedOn);
// and for every DEPENDS_ON: froms, tos, sinces (the earliest announcement of its partnerships) and dealt (whether
// partnerships make it).
CALL () {
  MATCH (n:Company|FoundationModel|Service)
  RETURN collect(n.id) AS ids,
         collect(CASE WHEN n:Company THEN 0 WHEN n:FoundationModel THEN 1 ELSE 2 END) AS kinds,
         collect(coalesce(n.releasedOn, n.launchedOn, '')) AS dates
}
CALL () {
  MATCH (a:Entity)-[d:DEPENDS_ON]->(b:Entity)
  RETURN collect(a.id) AS froms, collect(b.id) AS tos, collect(coalesce(d.since, '')) AS sinces, collect(coalesce(size(d.via), 0) > 0) AS dealt
}
RETURN ids, kinds, dates, froms, tos, sinces, dealt
