// recipe: which companies does the most of the value chain depend on?
// Mirrors the counts of the API's systemicImportance(first: 10): services, models and other companies with the
// company anywhere upstream. (Betweenness needs a graph library, e.g. gds.betweenness.stream; the API computes it.)
MATCH (c:Company)
CALL (c) {
  MATCH (c)<-[:DEPENDS_ON*]-(n)
  WHERE n <> c
  WITH DISTINCT n
  RETURN count(CASE WHEN n:Service THEN 1 END) AS services,
         count(CASE WHEN n:FoundationModel THEN 1 END) AS models,
         count(CASE WHEN n:Company THEN 1 END) AS companies
}
RETURN c.id AS company, c.name AS name, services, models, companies
ORDER BY services DESC, models DESC, companies DESC, name
LIMIT 10;
