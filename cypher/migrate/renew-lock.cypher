// name: migrate/renew-lock
// Extends the migration lock $name by $ttlMs from now when $owner still holds it.
// Returns one row (renewed) when it does, none when it was lost.
MATCH (l:MigrationLock {name: $name})
WHERE l.owner = $owner
SET l.expiresAt = timestamp() + $ttlMs
RETURN true AS renewed
