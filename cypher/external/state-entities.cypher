// name: external/state-entities
// Returns every entity an import may name, and the retired ones it must leave alone: id, label (the retired label for
// a retired one), name, aliases, sourceIds, properties (all of them) and retired.
CALL () {
  MATCH (n:Entity)
  RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS properties, false AS retired
  UNION ALL
  MATCH (n:Retired)
  RETURN n.id AS id, n.retiredLabel AS label, properties(n) AS properties, true AS retired
}
RETURN id, label, properties, retired
