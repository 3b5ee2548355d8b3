import { canonicalJson, firstDifference } from './canonicalJson';
import type { ComparedQuery, Json, Roots } from './comparedQueries';
import type { ServerName } from './comparisonTable';

/** Given a server, a query, the roots and the server's base URL, returns where the query goes and its JSON body. */
export function requestOf(
  server: ServerName,
  query: ComparedQuery,
  roots: Roots,
  base: string,
): { url: string; body: string } {
  if (server === 'ours')
    return {
      url: `${base}/graphql`,
      body: JSON.stringify({ query: query.ours.query, variables: query.ours.variables(roots) }),
    };
  if (server === 'library')
    return {
      url: `${base}/graphql`,
      body: JSON.stringify({ query: query.library!.query, variables: query.library!.variables(roots) }),
    };
  return { url: `${base}/${query.name}`, body: JSON.stringify(query.floor.params(roots)) };
}

/** Posts a JSON body and returns the JSON answer; throws unless the status is 200. */
export async function postJson(url: string, body: string): Promise<Json> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/**
 * Asks each server the query once and returns our canonical answer; throws, naming the first difference, unless
 * every server answers without errors, the answers are equal in canonical form, and ours is not empty.
 */
export async function compareAnswers(
  query: ComparedQuery,
  servers: readonly ServerName[],
  roots: Roots,
  urls: Record<ServerName, string>,
  graph: string,
): Promise<string> {
  const answers = new Map<ServerName, string>();
  for (const server of servers) {
    const { url, body } = requestOf(server, query, roots, urls[server]);
    const json = await postJson(url, body);
    if (server !== 'floor' && json.errors)
      throw new Error(`${server} failed ${query.name} on the ${graph} graph: ${JSON.stringify(json.errors)}`);
    const shape =
      server === 'ours'
        ? query.ours.canonical(json.data)
        : server === 'library'
          ? query.library!.canonical(json.data)
          : query.floor.canonical(json);
    answers.set(server, canonicalJson(shape, query.ordered));
  }
  const ours = answers.get('ours')!;
  if (ours === 'null' || ours === '[]')
    throw new Error(
      `${query.name} has an empty answer on the ${graph} graph (${JSON.stringify(roots)}): nothing would be compared`,
    );
  for (const [server, answer] of answers) {
    const difference = firstDifference(ours, answer);
    if (difference)
      throw new Error(`answers differ: ${query.name} on the ${graph} graph, ours versus ${server}, ${difference}`);
  }
  return ours;
}
