// name: seed/delete-stale-claims
// Parameters: $ids = the seed's entity ids; $keys = "<entity> <field> <source> SEED" of every claim the seed states.
// Deletes the SEED claims of those entities that the files no longer state. Returns one row: deleted.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[c:CLAIM {tier: 'SEED'}]->(s:Source)
WHERE NOT (id + ' ' + c.field + ' ' + s.id + ' SEED') IN $keys
DELETE c
RETURN count(*) AS deleted
