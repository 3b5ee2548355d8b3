import neo4j, { type Integer } from 'neo4j-driver';

/** Given a whole number, returns it as a Neo4j INTEGER parameter (a plain JS number is sent as a FLOAT). */
export function integer(value: number): Integer {
  return neo4j.int(value);
}
