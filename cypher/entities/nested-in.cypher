// name: entities/nested-in
// A fragment of entities/related-*: the entities of __FROM__ (a variable of the level above) along
// (__FROM__)<-[:__TYPE__]-(__M__), by name, as [__ROW__, ...] (at most 10000). __TYPE__ and __LABEL__ come from
// the relation allow-list, __R__ and __M__ are this level's variable names, __ROW__ is __M__'s projection as in entities/related-out.
COLLECT {
  MATCH (__FROM__)<-[__R__:__TYPE__]-(__M__:__LABEL__)
  WITH __R__, __M__ ORDER BY __M__.name, __M__.id LIMIT 10000
  RETURN __ROW__
}
