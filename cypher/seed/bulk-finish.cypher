// name: seed/bulk-finish
// Ends a bulk load inside its last transaction: deletes the load's (:SeedBulkLoad) marker.
// Returns one row: finished (markers deleted).
MATCH (m:SeedBulkLoad)
DELETE m
RETURN count(m) AS finished
