// name: dependencies/delete-stale
// Parameters: $rules = [{ kind, dependent, dependency, relation }], the partnership kinds that make a dependency.
// Deletes every derived DEPENDS_ON relationship whose underlying fact is gone. Returns one row: deleted.
MATCH (a:Entity)-[d:DEPENDS_ON]->(b:Entity)
WHERE CASE d.relation
  WHEN 'BUILT_ON' THEN NOT EXISTS { (a:Service)-[:BUILT_ON]->(b:FoundationModel) }
  WHEN 'PROVIDED_BY' THEN NOT EXISTS { (a:Service)<-[:PROVIDES]-(b:Company) }
  WHEN 'DEVELOPED_BY' THEN NOT EXISTS { (a:FoundationModel)<-[:DEVELOPS]-(b:Company) }
  WHEN 'ADOPTS' THEN NOT EXISTS { (a:Company)-[:ADOPTS]->(b:FoundationModel) }
  ELSE NOT EXISTS {
    MATCH (a:Company)-[ra:PARTY_TO]->(p:Partnership)<-[rb:PARTY_TO]-(b:Company)
    WHERE any(rule IN $rules WHERE rule.relation = d.relation AND rule.kind = p.kind AND rule.dependent = ra.role AND rule.dependency = rb.role)
  }
END
DELETE d
RETURN count(*) AS deleted
