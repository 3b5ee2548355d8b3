// name: migrate/take-lock
// Takes the migration lock $name for $owner for $ttlMs when it is free, already $owner's, or expired (its holder
// died). The SET before the test takes the node's write lock, so the test reads the last committed holder.
// Clocks are Neo4j's (timestamp()), the same for migrators on every machine.
// Returns one row: taken (whether $owner holds it now), owner and expiresInMs (the holder's).
MERGE (l:MigrationLock {name: $name})
SET l.claimedAt = timestamp()
WITH l, l.owner IS NULL OR l.owner = $owner OR l.expiresAt < timestamp() AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET l.owner = $owner, l.expiresAt = timestamp() + $ttlMs)
RETURN free AS taken, l.owner AS owner, l.expiresAt - timestamp() AS expiresInMs
