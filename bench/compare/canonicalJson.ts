/**
 * Given an answer, returns its canonical JSON text: object keys sorted, absent values as null, nested lists sorted
 * (compared as sets); the top-level list keeps its order when `ordered`, so the same rows in another order differ.
 */
export function canonicalJson(value: unknown, ordered = false): string {
  return encode(value, ordered);
}

function encode(value: unknown, keepOrder: boolean): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) {
    const items = value.map((item) => encode(item, false));
    if (!keepOrder) items.sort();
    return `[${items.join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${encode((value as Record<string, unknown>)[key], false)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Given two canonical texts, returns where they first differ, with some context: for an error message. */
export function firstDifference(a: string, b: string, context = 60): string | undefined {
  if (a === b) return undefined;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const from = Math.max(0, at - context);
  return `at character ${at}: …${a.slice(from, at + context)}… versus …${b.slice(from, at + context)}…`;
}
