// name: entities/related-batch
// Several relations in one statement: __BRANCHES__ are entities/related-* statements joined by UNION ALL.
// Returns their rows together: relation (the branch's position), id, related.
CALL () {
__BRANCHES__
}
RETURN relation, id, related
