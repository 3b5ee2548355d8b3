// name: schema
// Constraints and indexes of the graph. Every statement is idempotent (IF NOT EXISTS); applied on every start.
// Every node carries :Entity besides its own label, so an id is unique across all kinds.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT foundation_model_id IF NOT EXISTS FOR (n:FoundationModel) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_id IF NOT EXISTS FOR (n:Service) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT value_chain_stage_id IF NOT EXISTS FOR (n:ValueChainStage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT industry_id IF NOT EXISTS FOR (n:Industry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR (n:Partnership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
// Whole-graph analytics shared by every server (analytics/store-snapshot), not part of the graph.
CREATE CONSTRAINT analytics_snapshot_key IF NOT EXISTS FOR (n:AnalyticsSnapshot) REQUIRE n.key IS UNIQUE;

// The cjk analyzer indexes Hangul as overlapping bigrams and Latin words whole and lower-cased,
// so 하이퍼클로바, 네이버, hyperclova and Naver all find their entity.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Dataset|FoundationModel|Service|ValueChainStage|Industry|Partnership|Source)
ON EACH [n.name, n.nameKo, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// The curation's audit records, read by entity.
CREATE INDEX history_entity IF NOT EXISTS FOR (h:HistoryRecord) ON (h.entityId);
CREATE INDEX retired_id IF NOT EXISTS FOR (n:Retired) ON (n.id);

// Filters and orders of the API.
CREATE INDEX company_country IF NOT EXISTS FOR (n:Company) ON (n.country);
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX foundation_model_name IF NOT EXISTS FOR (n:FoundationModel) ON (n.name);
CREATE INDEX foundation_model_parameters IF NOT EXISTS FOR (n:FoundationModel) ON (n.parameters);
CREATE INDEX foundation_model_released_on IF NOT EXISTS FOR (n:FoundationModel) ON (n.releasedOn);
CREATE INDEX foundation_model_access IF NOT EXISTS FOR (n:FoundationModel) ON (n.access);
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX service_name IF NOT EXISTS FOR (n:Service) ON (n.name);
CREATE INDEX service_launched_on IF NOT EXISTS FOR (n:Service) ON (n.launchedOn);
CREATE INDEX partnership_kind IF NOT EXISTS FOR (n:Partnership) ON (n.kind);
CREATE INDEX partnership_announced_on IF NOT EXISTS FOR (n:Partnership) ON (n.announcedOn);
CREATE INDEX value_chain_stage_order IF NOT EXISTS FOR (n:ValueChainStage) ON (n.order);
