// name: external/merge-source
// Parameters: $properties = every property of the database's Source (id among them).
// Writes the Source node of an imported database with exactly these properties.
MERGE (s:Source {id: $properties.id})
SET s = $properties, s:Entity
