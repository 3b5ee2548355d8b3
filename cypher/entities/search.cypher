// name: entities/search
// Parameters: $text (Lucene syntax), $labels (null = every label, [] = none), $first.
// Returns node, labels, score: the best matches of the entity_names full-text index.
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN node {.*} AS node, labels(node) AS labels, score
ORDER BY score DESC, node.id
LIMIT $first
