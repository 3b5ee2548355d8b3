// name: external/state-relationships
// Parameters: $types = the relationship types an import writes; $sources = the ids of the sources it cites (the
// database and its records' references).
// Returns the relationships of $types (type, from, to, sourceIds, confidence, and the properties of those that have
// their own: an offer's prices, a holding's estimates) and the CITES of any entity to a source of $sources.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types OR (type(r) = 'CITES' AND b.id IN $sources)
RETURN type(r) AS type, a.id AS from, b.id AS to, coalesce(r.sourceIds, []) AS sourceIds, r.confidence AS confidence,
       CASE WHEN type(r) IN $withProperties THEN properties(r) END AS properties
