// recipe: on which fields do the sources disagree?
// Mirrors the API's conflicts(tolerance: 0.1) for claimed properties (parameters, releasedOn, country, ...): every
// CLAIM of a live entity's field, kept when the values differ, numbers only when they are more than 10% apart
// (relative to the largest magnitude), partial dates only when they differ at the coarser precision; largest
// disagreement first. Change 0.1, or add `{id: 'gpt-3'}` to (e:Entity)
// or `{id: 'epoch-ai-models'}` to (s:Source) (a source's disagreements then list only its own claims).
MATCH (e:Entity)-[c:CLAIM]->(s:Source)
WITH e, c.field AS field, collect(DISTINCT c.value) AS values,
     collect({source: s.id, value: c.value, tier: c.tier, preferred: c.preferred}) AS claims
WHERE size(values) > 1
// Partial dates agree at the precision of the less precise ("2023-03" and "2023-03-15").
WITH e, field, claims, values,
     all(v IN values WHERE v =~ '"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"') AS dates,
     reduce(shortest = 99, v IN values | CASE WHEN size(v) < shortest THEN size(v) ELSE shortest END) AS shortest
WITH e, field, claims, values, dates,
     reduce(seen = [], v IN values |
       CASE WHEN substring(v, 0, shortest - 1) IN seen THEN seen ELSE seen + substring(v, 0, shortest - 1) END) AS cut
WHERE NOT dates OR size(cut) > 1
WITH e, field, claims, [value IN values | toFloatOrNull(value)] AS numbers
WITH e, field, claims, numbers,
     reduce(top = 0.0, n IN numbers | CASE WHEN abs(n) > top THEN abs(n) ELSE top END) AS largest,
     reduce(low = numbers[0], n IN numbers | CASE WHEN n < low THEN n ELSE low END) AS low,
     reduce(high = numbers[0], n IN numbers | CASE WHEN n > high THEN n ELSE high END) AS high
WITH e, field, claims,
     CASE WHEN any(n IN numbers WHERE n IS NULL) THEN 1.0
          WHEN largest = 0 THEN null
          ELSE (high - low) / largest END AS disagreement
WHERE disagreement > 0.1
RETURN e.id AS entity, field, disagreement, claims
ORDER BY disagreement DESC, entity, field
LIMIT 1000;
