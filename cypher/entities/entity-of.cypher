// name: entities/entity-of
// Parameters: $ids__N__ = entity ids. __LABEL__ comes from the repository's label allow-list; __N__ is the entity's
// position in its batch (entities/related-batch); __ROW__ is m's projection as in entities/related-out.
// Returns one row per id that is a __LABEL__: relation (__N__), id, related = [__ROW__] holding that entity, so a root
// field's entity comes with the relations its selection reads, in the shape of a relation's.
UNWIND $ids__N__ AS id
MATCH (m:__LABEL__ {id: id})
RETURN __N__ AS relation, id, [__ROW__] AS related
