// name: seed/delete-all-in-batches
// Parameters: $batchSize = rows per inner transaction (an integer).
// Three statements, each in its own implicit (auto-commit) transaction as CALL ... IN TRANSACTIONS requires: every
// relationship, then every node but a bulk load's marker, then the marker, each in transactions of $batchSize rows,
// so a graph of any size (and a node with hundreds of thousands of relationships) goes without one huge transaction,
// and a removal that stops half-way still leaves the marker of the unfinished load.
// Returns one row each: relationships or nodes (deleted).
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF $batchSize ROWS
RETURN count(r) AS relationships;

MATCH (n)
WHERE NOT n:SeedBulkLoad
CALL (n) {
  DELETE n
} IN TRANSACTIONS OF $batchSize ROWS
RETURN count(n) AS nodes;

MATCH (m:SeedBulkLoad)
CALL (m) {
  DELETE m
} IN TRANSACTIONS OF $batchSize ROWS
RETURN count(m) AS nodes;
