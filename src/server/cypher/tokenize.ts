/** One token of Cypher text. */
export interface Token {
  /** 'word' for identifiers and keywords (backtick-quoted ones too), 'punct' for one character of anything else. */
  kind: 'word' | 'punct';
  text: string;
  quoted?: boolean;
}

/** Splits Cypher into words and punctuation, leaving out comments, string literals and numbers' contents. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '/' && query[i + 1] === '/') {
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i += 1;
    } else if (ch === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === "'" || ch === '"') {
      // A string literal: its contents are data, never clauses. Replaced by one placeholder token.
      i += 1;
      while (i < n && query[i] !== ch) i += query[i] === '\\' ? 2 : 1;
      i += 1;
      tokens.push({ kind: 'punct', text: 'STRING' });
    } else if (ch === '`') {
      let name = '';
      i += 1;
      while (i < n) {
        if (query[i] === '`') {
          if (query[i + 1] === '`') {
            name += '`';
            i += 2;
            continue;
          }
          break;
        }
        name += query[i];
        i += 1;
      }
      i += 1;
      tokens.push({ kind: 'word', text: name, quoted: true });
    } else if (/[\p{L}_]/u.test(ch)) {
      let j = i + 1;
      while (j < n && /[\p{L}\p{N}_]/u.test(query[j])) j += 1;
      tokens.push({ kind: 'word', text: query.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[0-9a-zA-Z_]/.test(query[j])) j += 1;
      // A decimal point followed by digits belongs to the number, not to a namespace.
      if (query[j] === '.' && /[0-9]/.test(query[j + 1] ?? '')) {
        j += 1;
        while (j < n && /[0-9a-zA-Z_]/.test(query[j])) j += 1;
      }
      tokens.push({ kind: 'punct', text: 'NUMBER' });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: ch });
      i += 1;
    }
  }
  return tokens;
}

/** Whether `token` is an unquoted word that is one of `words` (in any case). */
export const isKeyword = (token: Token | undefined, ...words: string[]) =>
  token !== undefined && token.kind === 'word' && !token.quoted && words.includes(token.text.toUpperCase());

/** A clause starts at the beginning of the query, of a subquery (`{`) or after UNION [ALL | DISTINCT]. */
export function atClauseStart(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1];
  return (
    before === undefined ||
    (before.kind === 'punct' && before.text === '{') ||
    isKeyword(before, 'UNION', 'ALL', 'DISTINCT')
  );
}

/**
 * The keyword (upper case) at `index` when the word there is a bare one: not a property key (`n.set`), label
 * (`:Set`), parameter (`$set`) or map key (`{set: 1}`).
 */
export function keywordAt(tokens: Token[], index: number): string | undefined {
  const token = tokens[index];
  if (token.kind !== 'word' || token.quoted) return undefined;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (before?.kind === 'punct' && ['.', ':', '$'].includes(before.text)) return undefined;
  if (after?.kind === 'punct' && after.text === ':') return undefined;
  return token.text.toUpperCase();
}

/** The dotted name (`a.b.c`) starting at `start`, and whether a `(` follows it (a call). */
export function dottedName(tokens: Token[], start: number): { name: string; followedByParen: boolean } {
  const parts: string[] = [];
  let i = start;
  while (tokens[i]?.kind === 'word') {
    parts.push(tokens[i].text);
    if (tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '.' && tokens[i + 2]?.kind === 'word') i += 2;
    else break;
  }
  return { name: parts.join('.'), followedByParen: tokens[i + 1]?.kind === 'punct' && tokens[i + 1].text === '(' };
}

/** The dotted name starting at `index` when it is followed by `(` (a function or procedure call), else undefined. */
export function callName(tokens: Token[], index: number): string | undefined {
  const { name, followedByParen } = dottedName(tokens, index);
  return followedByParen || tokens[index - 1]?.text.toUpperCase() === 'CALL' ? name : undefined;
}
