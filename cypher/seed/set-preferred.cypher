// name: seed/set-preferred
// Parameters: $rows = [{ id, field, sourceId, tier, preferred }]: claims of other tiers whose preference the seed's
// claims change. Returns one row: updated.
UNWIND $rows AS row
MATCH (:Entity {id: row.id})-[c:CLAIM {field: row.field, tier: row.tier}]->(:Source {id: row.sourceId})
SET c.preferred = row.preferred
RETURN count(c) AS updated
