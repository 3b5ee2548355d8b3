/* The keyboard cursor of a canvas: { kind: 'node' | 'edge' | null, id }, and where an arrow key moves it. */

/**
 * Moves `cursor` by `step` through `items` (Cytoscape.js elements of `kind`, in the order the keys go), wrapping
 * around; from another kind or nowhere, a step forward goes to the first item and a step back to the last. Returns
 * the item reached and its index, or null when there are no items.
 */
export function moveCursor(cursor, kind, items, step) {
  if (items.length === 0) return null;
  const ids = items.map((item) => item.id());
  const at = cursor.kind === kind ? ids.indexOf(cursor.id) : -1;
  const index = at < 0 ? (step > 0 ? 0 : ids.length - 1) : (at + step + ids.length) % ids.length;
  cursor.kind = kind;
  cursor.id = ids[index];
  return { item: items[index], index };
}
