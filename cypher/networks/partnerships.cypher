// name: networks/partnerships
// Returns one row per partnership: id, kind, announcedOn, parties = [{ id, name, country, role }], ordered by id.
MATCH (p:Partnership)
RETURN p.id AS id, p.kind AS kind, p.announcedOn AS announcedOn,
       [(c:Company)-[r:PARTY_TO]->(p) | {id: c.id, name: c.name, country: c.country, role: r.role}] AS parties
ORDER BY id
