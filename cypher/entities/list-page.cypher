// name: entities/list-page
// One page of a list, one row per entity, without counting every match. __FILTER__ is entities/list-<name>
// (MATCH ... WHERE over n) keeping only the lines of the filters given; __DISTINCT__ is "DISTINCT " where a kept line
// matches a pattern (which can meet n twice), otherwise empty; __ORDER__ comes from the repository's order
// allow-list; __ROW__ is n's projection as in entities/related-out.
// Parameters: the filters given, $skip, $limit (the caller asks one more than the page, to know whether more follow).
// Returns one row per entity of the page, in order: total (null), node (__ROW__).
__FILTER__
WITH __DISTINCT__n
ORDER BY __ORDER__
SKIP $skip LIMIT $limit
RETURN null AS total, __ROW__ AS node
