// name: analytics/market
// Parameters: $stage = a stage id or null; $measure = MODELS, SERVICES, MARKET_CAP, ADOPTERS, TRAINING_COMPUTE,
// HOSTED_MODELS or COMPUTE;
// $blocs = whether blocs are needed; $blocKinds = the partnership kinds that tie blocs, or [] when they are not.
// Returns one row of what concentration is computed from, limited to what the measure needs:
// stageFound (true without $stage) and stages (every stage id, to name them when $stage is unknown);
// participants (the companies in $stage; null without one); companies that can hold a value or join a bloc
// ([id, name, country, marketCapUsdBn, aggregate, comparisonOnly]); companyCounts (without $stage, every company counted
// by [aggregate, comparisonOnly, count], the population's size; null with one); models with their developers and training compute (the measures
// of models: [id, releasedOn, trainingComputeFlop, developers]); services with their models (SERVICES: [id,
// launchedOn, models]); adoptions (ADOPTERS: [company, model]); partnerships of $blocKinds with their parties ([id,
// kind, announcedOn, parties]); ownerships ([company, parent], along SUBSIDIARY_OF, when $blocs); offers ([provider,
// model], HOSTED_MODELS); holdings ([owner, chip vendor, estimates text], COMPUTE). Facts are lists, not maps: at
// 100,000 companies, decoding every map's keys cost as much as the values.
CALL () {
  OPTIONAL MATCH (s:ValueChainStage {id: $stage})
  CALL () { MATCH (all:ValueChainStage) RETURN collect(all.id) AS stages }
  RETURN $stage IS NULL OR s IS NOT NULL AS stageFound, stages
}
CALL () {
  OPTIONAL MATCH (c:Company)-[:PARTICIPATES_IN]->(:ValueChainStage {id: $stage})
  RETURN CASE WHEN $stage IS NULL THEN null ELSE collect(c.id) END AS participants
}
CALL () {
  MATCH (c:Company)
  WHERE ($measure = 'MARKET_CAP' AND c.marketCapUsdBn IS NOT NULL)
     OR ($measure = 'HOSTED_MODELS' AND EXISTS { (c)-[:OFFERS]->(:FoundationModel) })
     OR ($measure = 'COMPUTE' AND EXISTS { (c)-[:HOLDS_CHIPS_OF]->(:Company) })
     OR (NOT $measure IN ['MARKET_CAP', 'HOSTED_MODELS', 'COMPUTE']
         AND EXISTS { (c)-[:DEVELOPS]->(:FoundationModel) })
     OR ($stage IS NOT NULL AND EXISTS { (c)-[:PARTICIPATES_IN]->(:ValueChainStage {id: $stage}) })
     OR EXISTS { (c)-[:PARTY_TO]->(p:Partnership) WHERE p.kind IN $blocKinds }
     OR ($blocs AND EXISTS { (c)-[:SUBSIDIARY_OF]-(:Company) })
  RETURN collect([c.id, c.name, c.country, c.marketCapUsdBn, c.aggregate, c.comparisonOnly]) AS companies
}
CALL () {
  OPTIONAL MATCH (c:Company)
  WHERE $stage IS NULL
  WITH c.aggregate AS aggregate, coalesce(c.comparisonOnly, false) AS comparisonOnly, count(c) AS n
  RETURN CASE WHEN $stage IS NULL THEN collect([aggregate, comparisonOnly, n]) ELSE null END AS companyCounts
}
CALL () {
  MATCH (m:FoundationModel)
  WHERE NOT $measure IN ['MARKET_CAP', 'HOSTED_MODELS', 'COMPUTE']
  RETURN collect([m.id, m.releasedOn, m.trainingComputeFlop, [(c:Company)-[:DEVELOPS]->(m) | c.id]]) AS models
}
CALL () {
  MATCH (s:Service)
  WHERE $measure = 'SERVICES'
  RETURN collect([s.id, s.launchedOn, [(s)-[:BUILT_ON]->(m:FoundationModel) | m.id]]) AS services
}
CALL () {
  MATCH (c:Company)-[:ADOPTS]->(m:FoundationModel)
  WHERE $measure = 'ADOPTERS'
  RETURN collect([c.id, m.id]) AS adoptions
}
CALL () {
  MATCH (p:Partnership)
  WHERE p.kind IN $blocKinds
  RETURN collect([p.id, p.kind, p.announcedOn, [(c:Company)-[:PARTY_TO]->(p) | c.id]]) AS partnerships
}
CALL () {
  MATCH (c:Company)-[:SUBSIDIARY_OF]->(parent:Company)
  WHERE $blocs
  RETURN collect([c.id, parent.id]) AS ownerships
}
CALL () {
  MATCH (c:Company)-[:OFFERS]->(m:FoundationModel)
  WHERE $measure = 'HOSTED_MODELS'
  RETURN collect([c.id, m.id]) AS offers
}
CALL () {
  MATCH (c:Company)-[h:HOLDS_CHIPS_OF]->(vendor:Company)
  WHERE $measure = 'COMPUTE'
  RETURN collect([c.id, vendor.id, h.estimates]) AS holdings
}
RETURN stageFound, stages, participants, companies, companyCounts, models, services, adoptions, partnerships,
       ownerships, offers, holdings
