import { isKeyword, keywordAt, tokenize } from './tokenize';

const WRITE_KEYWORDS = ['CREATE', 'MERGE', 'SET', 'DELETE', 'REMOVE', 'FOREACH'];

/** The words that make up a query's write clauses, in order of appearance (DETACH DELETE as one). */
export function writeKeywords(query: string): string[] {
  const tokens = tokenize(query);
  const found: string[] = [];
  tokens.forEach((_, index) => {
    const word = keywordAt(tokens, index);
    if (word === undefined || !WRITE_KEYWORDS.includes(word)) return;
    const name = word === 'DELETE' && isKeyword(tokens[index - 1], 'DETACH') ? 'DETACH DELETE' : word;
    if (!found.includes(name)) found.push(name);
  });
  return found;
}
