// recipe: what if OpenAI went away?
// Mirrors the API's removalImpact(id: "openai"): everything with OpenAI upstream, and the services whose every
// model has OpenAI upstream (or is it), so they have no alternative model.
MATCH (root:Entity {id: 'openai'})
CALL (root) {
  MATCH (root)<-[:DEPENDS_ON*]-(n)
  WHERE n <> root
  WITH DISTINCT n
  RETURN collect(n) AS exposed
}
RETURN [n IN exposed | n.id] AS exposed,
       [s IN exposed WHERE s:Service
          AND EXISTS { (s)-[:DEPENDS_ON {relation: 'BUILT_ON'}]->() }
          AND all(m IN [(s)-[:DEPENDS_ON {relation: 'BUILT_ON'}]->(m) | m] WHERE m = root OR m IN exposed) | s.id] AS singleSourcedServices;
