/* The Cytoscape.js canvases of the page. */

/** The colour of a node without a group (a company of no known country, an entity of another kind). */
export const NO_GROUP = '#bab0ac';

/** A Cytoscape.js graph in the element with this id, drawn with this style. */
export function createGraph(containerId, style) {
  // cytoscape.min.js is a UMD script loaded before the modules: it leaves a global, not an export.
  return window.cytoscape({ container: document.getElementById(containerId), style });
}
