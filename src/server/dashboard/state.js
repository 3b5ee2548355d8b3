/* The view's state in the URL's fragment (#kinds=SUPPLY,CLOUD&asOf=2020-01&measure=MARKET_CAP ...): each panel reads
 * its part at start and writes it on every change, so a copied link restores the view. */

const params = new URLSearchParams(window.location.hash.slice(1));

/** A value of the state, or null when the link does not set it ("" is a value: an empty list). */
export function readState(key) {
  return params.has(key) ? params.get(key) : null;
}

/** Sets values of the state (null removes one) and puts them in the address bar without a new history entry. */
export function writeState(values) {
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) params.delete(key);
    else params.set(key, String(value));
  }
  params.sort();
  const hash = params.toString();
  window.history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
  const link = document.getElementById('view-link');
  if (link) link.href = window.location.href;
}
