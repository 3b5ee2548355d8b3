// name: entities/list-page-counted
// entities/list-page with the number of every match (placeholders and parameters as there): the count first, then
// the page, so a page past the end still gives the count.
// Returns one row per entity of the page, in order, or one row with a null node when the page is empty:
// total, node (__ROW__).
CALL () {
  __FILTER__
  RETURN count(DISTINCT n) AS total
}
OPTIONAL CALL () {
  __FILTER__
  WITH __DISTINCT__n
  ORDER BY __ORDER__
  SKIP $skip LIMIT $limit
  RETURN __ROW__ AS node
}
RETURN total, node
