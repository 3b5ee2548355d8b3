// recipe: which countries' models do services run on?
// Mirrors the API's concentration(measure: SERVICES, groupBy: COUNTRY): each service counts once for every country
// whose companies developed a model it is built on.
MATCH (s:Service)-[:BUILT_ON]->(:FoundationModel)<-[:DEVELOPS]-(c:Company)
WITH coalesce(c.country, 'unknown') AS country, count(DISTINCT s) AS value
ORDER BY value DESC, country
WITH collect({country: country, value: value}) AS holders, sum(value) AS total
WITH holders, total, [h IN holders | 100.0 * h.value / total] AS shares
RETURN total,
       reduce(hhi = 0.0, s IN shares | hhi + s * s) AS hhi,
       [i IN range(0, size(holders) - 1) | {country: holders[i].country, value: holders[i].value, share: shares[i] / 100.0}] AS shares;
