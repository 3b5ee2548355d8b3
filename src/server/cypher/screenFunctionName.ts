import { EndpointError, forbidden } from './endpointError';

/** Namespaces of Cypher's own functions; a call in any other namespace is a plugin's or the DBMS's and is refused. */
const BUILT_IN_NAMESPACES = new Set([
  'point',
  'vector',
  'vector.similarity',
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
]);

/** Given a dotted function or procedure name, refuses it unless it is a built-in Cypher function. */
export function screenFunctionName(name: string): EndpointError | undefined {
  const namespace = name.slice(0, name.lastIndexOf('.')).toLowerCase();
  if (BUILT_IN_NAMESPACES.has(namespace)) return undefined;
  const root = namespace.split('.')[0];
  if (['db', 'dbms', 'apoc'].includes(root)) {
    return forbidden(`the query calls ${name}(...); functions and procedures of ${root}.* are not allowed`);
  }
  return forbidden(
    `the query calls ${name}(...), which is not a built-in Cypher function; only built-in functions are allowed`,
  );
}
