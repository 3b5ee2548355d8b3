// name: seed/merge-claims
// Parameters: $rows = [{ id, field, value, sourceId, confidence, preferred }]: the seed's claims.
// Writes each as (entity)-[:CLAIM {field, tier: 'SEED', value, confidence, preferred}]->(source); leaves equal ones
// untouched. Returns one row: created, updated, unchanged.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MATCH (s:Source {id: row.sourceId})
OPTIONAL MATCH (e)-[old:CLAIM {field: row.field, tier: 'SEED'}]->(s)
WITH row, e, s, old IS NULL AS isNew,
     coalesce(old.value = row.value AND old.confidence = row.confidence AND old.preferred = row.preferred, false) AS same
MERGE (e)-[c:CLAIM {field: row.field, tier: 'SEED'}]->(s)
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET c.value = row.value, c.confidence = row.confidence, c.preferred = row.preferred)
RETURN count(CASE WHEN isNew THEN 1 END) AS created,
       count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
       count(CASE WHEN same THEN 1 END) AS unchanged
