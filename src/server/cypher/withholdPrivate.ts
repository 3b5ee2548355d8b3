/** Labels of nodes only editors may read through /cypher: retired entities and the edit history. */
export const PRIVATE_LABELS = ['Retired', 'HistoryRecord'];

/** Whether a JSON value (as readCapped returns it) holds a node with a private label, at any depth. */
function holdsPrivate(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsPrivate);
  if (value === null || typeof value !== 'object') return false;
  const { labels, elementId } = value as { labels?: unknown; elementId?: unknown };
  if (typeof elementId === 'string' && Array.isArray(labels) && labels.some((label) => PRIVATE_LABELS.includes(label)))
    return true;
  return Object.values(value).some(holdsPrivate);
}

/** Given rows of JSON values, returns those without a retired entity or history record, and how many were left out. */
export function withholdPrivate(rows: unknown[][]): { rows: unknown[][]; withheld: number } {
  const kept = rows.filter((row) => !holdsPrivate(row));
  return { rows: kept, withheld: rows.length - kept.length };
}
