/* 1. The partnership network: partnershipNetwork(kinds, asOf) drawn with Cytoscape.js, filtered by kind and date. */
import { showCompany } from './companyCard.js';
import { element } from './dom.js';
import { countryName } from './format.js';
import { NO_GROUP, createGraph } from './graph.js';
import { panel, runForPanel } from './panel.js';

/**
 * The contract's PartnershipKind values (it never renames them; a test keeps these equal to the served schema).
 * Written out rather than introspected, since a production server answers no introspection.
 */
const PARTNERSHIP_KINDS = ['INVESTMENT', 'LICENSING', 'SUPPLY', 'CLOUD', 'COLLABORATION', 'ACQUISITION'];
const KIND_COLOURS = {
  INVESTMENT: '#4e79a7',
  LICENSING: '#b07aa1',
  SUPPLY: '#f28e2b',
  CLOUD: '#76b7b2',
  COLLABORATION: '#9c9c9c',
  ACQUISITION: '#e15759',
};
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#2f4b7c',
  '#a0cbe8',
  '#8cd17d',
];

const network = { ...panel('network-panel'), months: [], colours: new Map() };

/**
 * The months of the "as of" slider, from the earliest dated deal to the latest. asOf takes a month as its first day
 * ("2019-08" keeps what was announced by 2019-08-01), so each position is the month after a deal's month.
 */
function sliderMonths(edges) {
  const dates = edges
    .map((edge) => edge.announcedOn)
    .filter(Boolean)
    .sort();
  if (dates.length === 0) return [];
  const [firstYear, firstMonth] = monthOf(dates[0]);
  const [lastYear, lastMonth] = monthOf(dates[dates.length - 1]);
  const months = [];
  for (let index = firstYear * 12 + firstMonth + 1; index <= lastYear * 12 + lastMonth + 1; index += 1) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** A partial date's year and zero-based month ("2023" counts as January). */
function monthOf(date) {
  const [year, month] = date.split('-');
  return [Number(year), month ? Number(month) - 1 : 0];
}

/** The network query's variables from the controls: null kinds when all are ticked, null asOf for "now". */
function networkVariables() {
  const boxes = [...document.querySelectorAll('#kinds input')];
  const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
  const slider = document.getElementById('as-of');
  const asOf = network.months[Number(slider.value)] || null;
  return { kinds: ticked.length === boxes.length ? null : ticked, asOf };
}

function showAsOf() {
  const asOf = network.months[Number(document.getElementById('as-of').value)];
  document.getElementById('as-of-label').textContent = asOf ? `${asOf}-01` : 'now (undated deals too)';
}

function loadNetwork() {
  const variables = networkVariables();
  network.element.dataset.variables = JSON.stringify(variables);
  return runForPanel(network, 'PartnershipNetwork', variables, (data) => drawNetwork(data.partnershipNetwork));
}

/** A stable colour per country, the most frequent countries first. */
function assignColours(nodes) {
  const counts = new Map();
  for (const node of nodes) if (node.group) counts.set(node.group, (counts.get(node.group) || 0) + 1);
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([group]) => group);
  for (const group of ordered)
    if (!network.colours.has(group)) network.colours.set(group, PALETTE[network.colours.size % PALETTE.length]);
}

function drawNetwork(result) {
  assignColours(result.nodes);
  const cy = network.cy;
  cy.elements().remove();
  cy.add([
    ...result.nodes.map((node) => ({ data: { ...node, colour: network.colours.get(node.group) || NO_GROUP } })),
    ...result.edges.map((edge) => ({ data: { ...edge, colour: KIND_COLOURS[edge.partnershipKind] || '#777' } })),
  ]);
  cy.layout({
    name: 'cose',
    animate: false,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 50000,
    nodeOverlap: 20,
    idealEdgeLength: () => 45,
    componentSpacing: 60,
    gravity: 250,
    padding: 20,
  }).run();
  const container = document.getElementById('network');
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  drawLegend(result.nodes);
  if (result.nodes.length === 0)
    network.element.querySelector('.status').textContent = 'No partnership matches these filters.';
}

/** The countries of the drawn nodes, with their colours and counts. */
function drawLegend(nodes) {
  const legend = document.getElementById('legend');
  legend.textContent = '';
  const counts = new Map();
  for (const node of nodes) counts.set(node.group, (counts.get(node.group) || 0) + 1);
  for (const [group, count] of [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))) {
    const item = element('li');
    const swatch = element('span', 'swatch');
    swatch.style.background = network.colours.get(group) || NO_GROUP;
    item.append(swatch, `${countryName(group)} (${count})`);
    legend.append(item);
  }
}

function createNetworkGraph() {
  const cy = createGraph('network', [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        width: (node) => 20 + 8 * Math.sqrt(node.data('size')),
        height: (node) => 20 + 8 * Math.sqrt(node.data('size')),
        'font-size': 16,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#fff',
        'text-outline-width': 2,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#222' } },
    {
      selector: 'edge',
      style: {
        width: 3,
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'arrow-scale': 0.8,
      },
    },
  ]);
  cy.on('tap', 'node', (event) => showCompany(event.target.id()));
  return cy;
}

/** The kind checkboxes (coloured like their edges) and the "as of" slider, wired to reload the network. */
function setUpNetworkControls(kinds, months) {
  const fieldset = document.getElementById('kinds');
  for (const kind of kinds) {
    const label = element('label', 'kind');
    const box = element('input');
    box.type = 'checkbox';
    box.value = kind;
    box.checked = true;
    box.addEventListener('change', loadNetwork);
    const swatch = element('span', 'swatch line');
    swatch.style.background = KIND_COLOURS[kind] || '#777';
    label.append(box, swatch, kind.toLowerCase());
    fieldset.append(label);
  }
  network.months = months;
  const slider = document.getElementById('as-of');
  slider.max = String(months.length);
  slider.value = String(months.length);
  slider.disabled = false;
  slider.addEventListener('input', showAsOf);
  slider.addEventListener('change', loadNetwork);
  showAsOf();
}

/**
 * Creates the network's canvas and draws every partnership now, whose dates give the slider its months; returns the
 * Cytoscape.js graph.
 */
export function startNetwork() {
  network.cy = createNetworkGraph();
  runForPanel(network, 'PartnershipNetwork', { kinds: null, asOf: null }, (data) => {
    setUpNetworkControls(PARTNERSHIP_KINDS, sliderMonths(data.partnershipNetwork.edges));
    network.element.dataset.variables = JSON.stringify(networkVariables());
    drawNetwork(data.partnershipNetwork);
  });
  return network.cy;
}
