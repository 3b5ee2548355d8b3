// recipe: how concentrated is foundation-model development among companies?
// Mirrors the API's concentration(measure: MODELS, groupBy: COMPANY): a co-developed model is split equally among
// its developers; HHI is the sum of squared percentage shares (0-10,000); CR4 is the four largest shares' sum.
// For a date, add `WHERE m.releasedOn IS NOT NULL AND left(m.releasedOn + '-01-01', 10) <= '2021-01-01'` after the
// first MATCH (undated models are left out).
MATCH (m:FoundationModel)
MATCH (c:Company)-[:DEVELOPS]->(m)
WITH m, collect(c) AS developers
UNWIND developers AS c
WITH c, sum(1.0 / size(developers)) AS value
ORDER BY value DESC, c.id
WITH collect({company: c.id, name: c.name, value: value}) AS holders, sum(value) AS total
WITH holders, total, [h IN holders | 100.0 * h.value / total] AS shares
RETURN total,
       reduce(hhi = 0.0, s IN shares | hhi + s * s) AS hhi,
       reduce(cr = 0.0, s IN shares[..4] | cr + s) / 100.0 AS cr4,
       [i IN range(0, size(holders) - 1) | {company: holders[i].company, name: holders[i].name, value: holders[i].value, share: shares[i] / 100.0}] AS shares;
