/* The dashboard page: a partnership network, concentration per value-chain stage, a dependency explorer, the sources
 * and where they disagree, drawn with Cytoscape.js (served from node_modules) and plain HTML. ES modules, no build
 * step; the page asks nothing of any host but this server, and only through the public GraphQL API at /graphql
 * (operations in dashboard.graphql). */
import { startConcentration } from './concentration.js';
import { startConflicts } from './conflicts.js';
import { startExplorer } from './explorer.js';
import { startNetwork } from './network.js';
import { OPERATIONS } from './operations.js';
import { startSources } from './sources.js';

// Each panel starts on its own, so one failing query leaves the others working.
const network = startNetwork();
startConcentration();
const upstream = startExplorer();
startSources();
startConflicts();
// The drawn graphs and the operations, for a test or a reader at the browser's console.
window.dashboard = { network, upstream, queries: OPERATIONS };
