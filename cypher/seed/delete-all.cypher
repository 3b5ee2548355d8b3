// name: seed/delete-all
// Removes every node and relationship (seed --reset), inside the caller's transaction.
// Returns one row: deleted (nodes).
MATCH (n)
DETACH DELETE n
RETURN count(*) AS deleted
