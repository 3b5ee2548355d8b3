// name: networks/partnerships
// Returns one row per partnership: id, kind, name, announcedOn, valueUsd, confidence,
// parties = [{ id, name, nameKo, country, role }], ordered by id.
MATCH (p:Partnership)
RETURN p.id AS id, p.kind AS kind, p.name AS name, p.announcedOn AS announcedOn, p.valueUsd AS valueUsd,
       p.confidence AS confidence,
       [(c:Company)-[r:PARTY_TO]->(p) | {id: c.id, name: c.name, nameKo: c.nameKo, country: c.country, role: r.role}] AS parties
ORDER BY id
