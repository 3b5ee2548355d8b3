// name: curation/citers
// Parameters: $id. Returns one row: count, the number of live entities whose relationships point at the entity
// (CITES of a source, PARTICIPATES_IN of a stage, SERVES of an industry; not derived dependencies), and ids, the
// first four of them by id.
OPTIONAL MATCH (n:Entity {id: $id})<-[r]-(other:Entity)
WHERE type(r) <> 'DEPENDS_ON'
WITH DISTINCT other.id AS id
ORDER BY id
RETURN count(id) AS count, collect(id)[0..4] AS ids
