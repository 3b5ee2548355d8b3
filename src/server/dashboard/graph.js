/* The Cytoscape.js canvases of the page. */
export { NO_GROUP } from './colours.js';

/** The labels' fonts: the system's, then the Noto Sans KR this server serves for Korean names. */
export const LABEL_FONT = "system-ui, 'Noto Sans KR', sans-serif";

/** The same stack written two ways: Cytoscape.js caches each drawn label by its text and font. */
const LABEL_FONTS = [LABEL_FONT, 'system-ui, "Noto Sans KR", sans-serif'];
const graphs = [];
let spelling = 0;

/**
 * A canvas draws with the fonts it has when it draws, and Cytoscape.js keeps each label it drew: once a served
 * slice arrives, the labels take the other spelling of the same fonts, so each is drawn again, now in Noto Sans KR.
 */
function redrawLabels() {
  spelling = 1 - spelling;
  for (const cy of graphs) cy.style().selector('node, edge').style('font-family', LABEL_FONTS[spelling]).update();
}
document.fonts.addEventListener('loadingdone', redrawLabels);

/** A Cytoscape.js graph in the element with this id, drawn with this style (labels in LABEL_FONT). */
export function createGraph(containerId, style) {
  // cytoscape.min.js is a UMD script loaded before the modules: it leaves a global, not an export.
  const cy = window.cytoscape({
    container: document.getElementById(containerId),
    style: [{ selector: 'node, edge', style: { 'font-family': LABEL_FONT } }, ...style],
  });
  graphs.push(cy);
  return cy;
}

/** Loads the served font's slices for these labels (a canvas never asks for them itself), then redraws. */
export function loadLabelFonts(labels) {
  const text = [...new Set(labels.join(''))].filter((character) => character.charCodeAt(0) > 0x2e7f).join('');
  if (!text) return;
  Promise.all([document.fonts.load(`16px 'Noto Sans KR'`, text), document.fonts.load(`bold 16px 'Noto Sans KR'`, text)])
    .then(redrawLabels)
    .catch(() => {});
}
