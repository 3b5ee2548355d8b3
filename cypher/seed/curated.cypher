// name: seed/curated
// Returns one row: edited = [{ id, properties }] of the entities changed through the API (they name their edited
// fields), and retired = the ids of retired entities. The seed keeps both: edits win over the files, and a retired
// entity stays retired.
CALL () { MATCH (n:Entity) WHERE n.editedFields IS NOT NULL RETURN collect({ id: n.id, properties: properties(n) }) AS edited }
CALL () { MATCH (n:Retired) RETURN collect(n.id) AS retired }
RETURN edited, retired
