// name: analytics/store-snapshot
// Parameters: $key (what was computed, such as ["systemicImportance",null]), $inputs (the digest of the inputs it
// was computed from), $result (it, as JSON). Keeps one result per key, the last stored, for every server to reuse
// while the inputs are unchanged. Not part of the graph: exports and counts leave :AnalyticsSnapshot out.
// Returns no rows.
MERGE (s:AnalyticsSnapshot {key: $key})
SET s.inputs = $inputs, s.result = $result, s.storedAt = timestamp()
