// name: curation/editor-claims
// Parameters: $id, $sourceId (the first source the change cites), $claims = [{ field, value, confidence }]: the
// claimed fields an editor changed, each value as JSON text (null when the editor cleared it).
// An editor's change is a claim of the EDITOR tier, preferred over every other: it replaces the editor's earlier
// claim on that field, and the other sources' claims stay, no longer preferred. Returns one row: written.
MATCH (e:Entity {id: $id})
MATCH (s:Source {id: $sourceId})
UNWIND $claims AS claim
CALL (e, claim) {
  OPTIONAL MATCH (e)-[old:CLAIM {field: claim.field}]->()
  WITH old, old.tier = 'EDITOR' AS editors
  FOREACH (_ IN CASE WHEN editors THEN [1] ELSE [] END | DELETE old)
  FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT editors THEN [1] ELSE [] END | SET old.preferred = false)
}
CREATE (e)-[c:CLAIM {field: claim.field, tier: 'EDITOR'}]->(s)
SET c.value = claim.value, c.confidence = claim.confidence, c.preferred = true
RETURN count(c) AS written
