// name: curation/lock-existing
// Parameters: $id. Takes the write lock of a live entity (retire, link) or a retired one (restore), each found
// through its label's index. Returns one row per match: labels (without Entity), properties.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Retired {id: $id}) RETURN n
}
SET n.curationLock = true
REMOVE n.curationLock
RETURN [label IN labels(n) WHERE label <> 'Entity'] AS labels, properties(n) AS properties
