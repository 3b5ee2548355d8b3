// name: seed/count-entities
// Returns one row: entities = how many :Entity nodes the database holds (0 means it needs seeding).
MATCH (n:Entity)
RETURN count(n) AS entities
