// name: exports/relationships
// Returns every relationship between the nodes of exports/nodes: key (its element id), type, start and end (the node keys of exports/nodes), and
// properties as [[key, value, type]] where type is Cypher's valueType().
MATCH (a)-[r]->(b)
WHERE NOT a:Retired AND NOT b:Retired AND NOT a:HistoryRecord AND NOT b:HistoryRecord
RETURN elementId(r) AS key, type(r) AS type, coalesce(a.id, elementId(a)) AS start, coalesce(b.id, elementId(b)) AS end,
       [k IN keys(r) | [k, r[k], valueType(r[k])]] AS properties
ORDER BY type, start, end, key
