// name: migrate/release-lock
// Removes the migration lock $name when $owner holds it.
// Returns one row: released (0 or 1).
OPTIONAL MATCH (l:MigrationLock {name: $name})
WHERE l.owner = $owner
DELETE l
RETURN count(l) AS released
