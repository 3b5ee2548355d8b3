/* The dashboard page: a partnership network, concentration per value-chain stage, a dependency explorer, removal
 * impact and systemic importance, the sources and where they disagree, drawn with Cytoscape.js (served from
 * node_modules) and plain HTML. ES modules, no build step; the page asks nothing of any host but this server, and
 * only through the public GraphQL API at /graphql (operations in dashboard.graphql). */
import * as colours from './colours.js';
import { startConcentration } from './concentration.js';
import { startConflicts } from './conflicts.js';
import { walkFrom, startExplorer } from './explorer.js';
import { startFind } from './find.js';
import { showImpact, startImpact } from './impact.js';
import { focusCompany, startNetwork } from './network.js';
import { OPERATIONS } from './operations.js';
import { startSources } from './sources.js';

/** Shows an entity found anywhere on the page: its node and card in the network, its walk in the explorer. */
function focusEntity(entity) {
  if (entity.kind === 'COMPANY') {
    focusCompany(entity.id);
    document.getElementById('network-panel').scrollIntoView({ block: 'start' });
  } else document.getElementById('explorer-panel').scrollIntoView({ block: 'start' });
  walkFrom(entity.id);
  document.body.dataset.focused = entity.id;
}

// Each panel starts on its own, so one failing query leaves the others working.
const network = startNetwork();
startConcentration();
const upstream = startExplorer();
startImpact(focusEntity);
startSources();
startConflicts();
startFind(focusEntity);

// "Link to this view": the address with the view's state, which the panels keep in its fragment.
document.getElementById('view-link').addEventListener('click', (event) => {
  event.preventDefault();
  const link = window.location.href;
  if (navigator.clipboard) navigator.clipboard.writeText(link).catch(() => {});
  event.currentTarget.title = `Copied: ${link}`;
  event.currentTarget.dataset.link = link;
});
// The drawn graphs and the operations, for a test or a reader at the browser's console.
window.dashboard = { network, upstream, queries: OPERATIONS, showImpact, colours };
