// name: external/delete-relationships
// Parameters: $rows = [{ from, to }] of one type: relationships no source states any more; __TYPE__ comes from the
// type allow-list. Returns one row: deleted.
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:__TYPE__]->(:Entity {id: row.to})
DELETE r
RETURN count(*) AS deleted
