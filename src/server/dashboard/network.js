/* 1. The partnership network: partnershipNetwork(kinds, asOf) drawn with Cytoscape.js, filtered by kind, date and
 * country, with each deal on hover, click and keyboard focus, a table of what is drawn, and the view as PNG or CSV. */
import { showCompany } from './companyCard.js';
import { KIND_STYLES, NO_GROUP, PALETTE } from './colours.js';
import { moveCursor } from './cursor.js';
import { allDeals, dealIdOfEdge, dealParties, dealValue, describeDeal } from './deals.js';
import { element } from './dom.js';
import { countryName } from './format.js';
import { createGraph, loadLabelFonts } from './graph.js';
import { panel, runForPanel } from './panel.js';
import { readState, writeState } from './state.js';

/**
 * The contract's PartnershipKind values (it never renames them; a test keeps these equal to the served schema).
 * Written out rather than introspected, since a production server answers no introspection.
 */
const PARTNERSHIP_KINDS = ['INVESTMENT', 'LICENSING', 'SUPPLY', 'CLOUD', 'COLLABORATION', 'ACQUISITION'];

const network = {
  ...panel('network-panel'),
  months: [],
  colours: new Map(),
  /** Node positions from the whole network's layout: every filtered view reuses them, so nothing jumps. */
  positions: new Map(),
  /** Countries switched off in the legend. */
  hiddenCountries: new Set(),
  /** The last answer of the API, before the country filter. */
  result: { nodes: [], edges: [] },
  /** Undated partnerships of the whole network, by kind, for the note under the slider. */
  undated: [],
  deals: new Map(),
  korean: false,
};

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

/**
 * The network query's variables from the controls: null kinds when all are ticked, [] when none is (which matches
 * nothing), null asOf for "now".
 */
function networkVariables() {
  const boxes = [...document.querySelectorAll('#kinds input')];
  const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
  const slider = document.getElementById('as-of');
  const asOf = network.months[Number(slider.value)] || null;
  return { kinds: ticked.length === boxes.length ? null : ticked, asOf };
}

const MONTH_NAMES = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The slider's date as text, and as a screen reader announces it (aria-valuetext), with what undated deals do. */
function showAsOf() {
  const slider = document.getElementById('as-of');
  const asOf = network.months[Number(slider.value)];
  const label = document.getElementById('as-of-label');
  const note = document.getElementById('undated-note');
  if (!asOf) {
    label.textContent = 'now (undated deals too)';
    slider.setAttribute('aria-valuetext', 'now, with every deal including undated ones');
    note.textContent = '';
    note.hidden = true;
    return;
  }
  label.textContent = `${asOf}-01`;
  const spoken = MONTH_NAMES.format(new Date(`${asOf}-01T00:00:00Z`));
  const { kinds } = networkVariables();
  const hidden = network.undated.filter((kind) => kinds === null || kinds.includes(kind)).length;
  slider.setAttribute('aria-valuetext', `as of 1 ${spoken}`);
  note.hidden = hidden === 0;
  note.textContent =
    hidden === 0
      ? ''
      : `${hidden} undated partnership${hidden === 1 ? ' is' : 's are'} hidden at a past date: ` +
        'no one can say whether they existed then. Move the slider to the end to show them.';
}

function loadNetwork() {
  const variables = networkVariables();
  network.element.dataset.variables = JSON.stringify(variables);
  writeState({
    kinds: variables.kinds === null ? null : variables.kinds.join(','),
    asOf: variables.asOf,
  });
  showAsOf();
  return runForPanel(network, 'PartnershipNetwork', variables, (data) => {
    network.result = data.partnershipNetwork;
    drawNetwork();
  });
}

/** A stable colour per country, the most frequent countries first. */
function assignColours(nodes) {
  const counts = new Map();
  for (const node of nodes) if (node.group) counts.set(node.group, (counts.get(node.group) || 0) + 1);
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([group]) => group);
  for (const group of ordered)
    if (!network.colours.has(group)) network.colours.set(group, PALETTE[network.colours.size % PALETTE.length]);
}

/** A company's Korean name where it has one and the switch asks for it. */
function nodeName(node) {
  return network.korean && node.labelKo ? node.labelKo : node.label;
}

/** How the link names the companies of no known country among the hidden ones. */
const NO_COUNTRY = '-';
const countryKey = (group) => group || NO_COUNTRY;

/** What is drawn: the API's answer without the countries switched off in the legend (and their edges). */
function visibleResult() {
  const hidden = network.hiddenCountries;
  const nodes = network.result.nodes.filter((node) => !hidden.has(node.group || ''));
  const ids = new Set(nodes.map((node) => node.id));
  const edges = network.result.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { nodes, edges };
}

/**
 * Lays the whole network out once: nodes start on a circle in id order and cose runs without randomising, so the
 * same graph always gets the same layout; every filtered view then places its nodes where the whole one had them.
 */
function layOutWhole(result) {
  const cy = network.cy;
  cy.elements().remove();
  const ids = result.nodes.map((node) => node.id).sort();
  const radius = 40 * ids.length;
  cy.add([
    ...result.nodes.map((node) => {
      const angle = (2 * Math.PI * ids.indexOf(node.id)) / Math.max(ids.length, 1);
      return { data: { ...node }, position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) } };
    }),
    ...result.edges.map((edge) => ({ data: { ...edge } })),
  ]);
  cy.layout({
    name: 'cose',
    animate: false,
    randomize: false,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 50000,
    nodeOverlap: 20,
    idealEdgeLength: () => 45,
    componentSpacing: 60,
    gravity: 250,
    numIter: 1000,
    padding: 20,
  }).run();
  for (const node of cy.nodes()) network.positions.set(node.id(), { ...node.position() });
}

function drawNetwork() {
  const { nodes, edges } = visibleResult();
  assignColours(network.result.nodes);
  const cy = network.cy;
  cy.elements().remove();
  cy.add([
    ...nodes.map((node) => ({
      data: {
        ...node,
        name: nodeName(node),
        caption: node.group ? `${nodeName(node)} (${node.group})` : nodeName(node),
        colour: network.colours.get(node.group) || NO_GROUP,
      },
      position: { ...(network.positions.get(node.id) || { x: 0, y: 0 }) },
    })),
    ...edges.map((edge) => {
      const style = KIND_STYLES[edge.partnershipKind] || KIND_STYLES.COLLABORATION;
      return {
        data: {
          ...edge,
          colour: style.colour,
          arrow: style.arrow,
          caption: edge.confidence === 'UNCERTAIN' ? 'uncertain' : '',
        },
      };
    }),
  ]);
  cy.layout({ name: 'preset', fit: true, padding: 20, animate: false }).run();
  loadLabelFonts(cy.nodes().map((node) => node.data('caption')));
  const container = document.getElementById('network');
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.uncertain = String(cy.edges('[confidence = "UNCERTAIN"]').length);
  container.dataset.deals = String(network.deals.size);
  drawLegend(network.result.nodes);
  drawTable(nodes, edges);
  if (nodes.length === 0)
    network.element.querySelector('.status').textContent =
      network.result.nodes.length === 0
        ? 'No partnership matches these filters.'
        : 'Every country of these partnerships is switched off in the legend.';
}

/** The countries of the answer with their colours and counts, each a switch that shows or hides its companies. */
function drawLegend(nodes) {
  const legend = document.getElementById('legend');
  legend.textContent = '';
  const counts = new Map();
  for (const node of nodes) counts.set(node.group || '', (counts.get(node.group || '') || 0) + 1);
  for (const [group, count] of [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))) {
    const item = element('li');
    const button = element('button', 'country');
    button.type = 'button';
    button.dataset.country = group;
    button.setAttribute('aria-pressed', String(!network.hiddenCountries.has(group)));
    button.title = 'Show or hide this country';
    const swatch = element('span', 'swatch');
    swatch.style.background = network.colours.get(group) || NO_GROUP;
    button.append(swatch, `${countryName(group || null)} (${count})`);
    button.addEventListener('click', () => {
      if (network.hiddenCountries.has(group)) network.hiddenCountries.delete(group);
      else network.hiddenCountries.add(group);
      writeState({
        hide: network.hiddenCountries.size ? [...network.hiddenCountries].map(countryKey).sort().join(',') : null,
      });
      drawNetwork();
      document.querySelector(`#legend button[data-country="${group}"]`)?.focus();
    });
    item.append(button);
    legend.append(item);
  }
}

/** The network as a table (its text alternative): one row per drawn edge, companies as buttons that open cards. */
function drawTable(nodes, edges) {
  const names = new Map(nodes.map((node) => [node.id, nodeName(node)]));
  const body = document.querySelector('#network-table tbody');
  body.textContent = '';
  for (const edge of edges) {
    const row = element('tr');
    row.dataset.edge = edge.id;
    row.tabIndex = 0;
    if (edge.confidence === 'UNCERTAIN') row.className = 'uncertain';
    const company = (id) => {
      const cell = element('td');
      const button = element('button', 'link', names.get(id) || id);
      button.type = 'button';
      button.addEventListener('click', () => focusCompany(id));
      cell.append(button);
      return cell;
    };
    const confidence = element('td', '', edge.confidence.toLowerCase());
    row.append(
      element('td', '', edge.name),
      element('td', '', edge.partnershipKind.toLowerCase()),
      company(edge.source),
      company(edge.target),
      element('td', '', edge.announcedOn || 'undated'),
      element('td', '', dealValue(edge)),
      confidence,
    );
    row.addEventListener('focus', () => showEdge(edge.id, { pin: true }));
    body.append(row);
  }
  document.getElementById('network-table-count').textContent = `${edges.length} edges, ${nodes.length} companies`;
}

/**
 * Shows a deal in the edge box (hover, click or keyboard focus on its edge or its table row). A hover shows it while
 * nothing is pinned; a click, a tap, a focused table row or Enter on the canvas pins it, with a Close button, until
 * Close, Escape or another pin.
 */
function showEdge(edgeId, { pin = false } = {}) {
  const box = document.getElementById('edge-info');
  const pinned = box.dataset.pinned === 'true';
  const same = box.dataset.edge === edgeId;
  if (pinned && !pin && !same) return;
  const drawn = network.cy.$id(edgeId);
  const deal = network.deals.get(drawn.nonempty() ? drawn.data('partnershipId') : dealIdOfEdge(edgeId));
  box.textContent = '';
  box.dataset.edge = edgeId;
  box.dataset.pinned = String(pin || (pinned && same));
  box.hidden = false;
  if (deal) box.append(describeDeal(deal));
  else box.append(element('p', 'hint', 'Loading the deal…'));
  if (box.dataset.pinned === 'true') {
    const close = element('button', 'close', 'Close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the deal');
    close.addEventListener('click', () => {
      hideEdge(true);
      document.getElementById('network').focus();
    });
    box.append(close);
  }
}

/** Empties the edge box: a transient one (a hover that ended) only when nothing is pinned; `unpin` clears a pin. */
function hideEdge(unpin = false) {
  const box = document.getElementById('edge-info');
  if (box.dataset.pinned === 'true' && !unpin) return;
  box.hidden = true;
  box.textContent = '';
  delete box.dataset.edge;
  box.dataset.pinned = 'false';
}

/** Where the canvas's keyboard cursor is: a company (Up, Down) or a deal's edge (Left, Right). */
const cursor = { kind: null, id: null };

/** Moves the keyboard cursor by `step` through the drawn companies (by name) or edges (by deal name), wrapping. */
function moveNetworkCursor(kind, step) {
  const cy = network.cy;
  const items =
    kind === 'node'
      ? cy.nodes().sort((a, b) => a.data('name').localeCompare(b.data('name')))
      : cy.edges().sort((a, b) => a.data('name').localeCompare(b.data('name')) || a.id().localeCompare(b.id()));
  const moved = moveCursor(cursor, kind, items, step);
  if (!moved) return;
  const { item: next, index } = moved;
  cy.elements().unselect();
  cy.edges().removeClass('hovered');
  const said = document.getElementById('network-cursor');
  said.hidden = false;
  if (kind === 'node') {
    next.select();
    said.textContent =
      `${next.data('caption')}: ${next.data('size')} partnership links, ` +
      `company ${index + 1} of ${items.length}. Enter opens its card.`;
  } else {
    next.addClass('hovered');
    // Moving on from a pinned deal shows the next one: the cursor, not the pin, is what the reader follows now.
    hideEdge(true);
    showEdge(next.id());
    const names = (id) => cy.$id(id).data('name');
    said.textContent =
      `${next.data('name')}: ${names(next.data('source'))} to ${names(next.data('target'))}, ` +
      `${next.data('partnershipKind').toLowerCase()}. Enter pins the deal.`;
  }
}

/** The canvas's keys: arrows move the cursor, Enter opens the company's card or pins the deal, Escape clears. */
function onNetworkKey(event) {
  const moves = { ArrowDown: ['node', 1], ArrowUp: ['node', -1], ArrowRight: ['edge', 1], ArrowLeft: ['edge', -1] };
  if (moves[event.key]) {
    event.preventDefault();
    moveNetworkCursor(...moves[event.key]);
  } else if (event.key === 'Enter' && cursor.id && network.cy.$id(cursor.id).nonempty()) {
    event.preventDefault();
    if (cursor.kind === 'node') showCompany(cursor.id);
    else showEdge(cursor.id, { pin: true });
  } else if (event.key === 'Escape') {
    clearCursor();
    hideEdge(true);
  }
}

function clearCursor() {
  network.cy.elements().unselect();
  network.cy.edges().removeClass('hovered');
  cursor.kind = cursor.id = null;
  const said = document.getElementById('network-cursor');
  said.hidden = true;
  said.textContent = '';
}

/** Selects a company's node, centres it and opens its card; false when the network does not draw it. */
export function focusCompany(id) {
  const node = network.cy.$id(id);
  showCompany(id);
  if (node.empty()) return false;
  network.cy.elements().unselect();
  node.select();
  network.cy.center(node);
  return true;
}

function createNetworkGraph() {
  const cy = createGraph('network', [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(caption)',
        width: (node) => 20 + 8 * Math.sqrt(node.data('size')),
        height: (node) => 20 + 8 * Math.sqrt(node.data('size')),
        'font-size': 15,
        color: '#1d2330',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#fff',
        'text-outline-width': 2,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d2330' } },
    {
      selector: 'edge',
      style: {
        width: 3,
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'data(arrow)',
        'curve-style': 'bezier',
        'arrow-scale': 1,
        label: 'data(caption)',
        'font-size': 11,
        color: '#8a4b00',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.85,
      },
    },
    { selector: 'edge[confidence = "UNCERTAIN"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 5] } },
    { selector: 'edge:selected, edge.hovered', style: { width: 6, 'z-index': 10 } },
  ]);
  cy.on('tap', 'node', (event) => showCompany(event.target.id()));
  cy.on('tap', 'edge', (event) => showEdge(event.target.id(), { pin: true }));
  cy.on('mouseover', 'edge', (event) => {
    event.target.addClass('hovered');
    showEdge(event.target.id());
  });
  cy.on('mouseout', 'edge', (event) => {
    event.target.removeClass('hovered');
    hideEdge();
  });
  const container = document.getElementById('network');
  container.addEventListener('keydown', onNetworkKey);
  document.getElementById('edge-info').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideEdge(true);
  });
  return cy;
}

/** The kind checkboxes (coloured and shaped like their edges) and the "as of" slider, wired to reload the network. */
function setUpNetworkControls(kinds, months) {
  const fieldset = document.getElementById('kinds');
  const wanted = readState('kinds');
  const chosen = wanted === null ? kinds : wanted.split(',').filter((kind) => kinds.includes(kind));
  for (const kind of kinds) {
    const label = element('label', 'kind');
    const box = element('input');
    box.type = 'checkbox';
    box.value = kind;
    box.checked = chosen.includes(kind);
    box.addEventListener('change', loadNetwork);
    const style = KIND_STYLES[kind] || KIND_STYLES.COLLABORATION;
    const swatch = element('span', 'kind-symbol', `—${style.symbol}`);
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.color = style.colour;
    label.append(box, swatch, kind.toLowerCase());
    fieldset.append(label);
  }
  network.months = months;
  const slider = document.getElementById('as-of');
  slider.max = String(months.length);
  const at = months.indexOf(readState('asOf'));
  slider.value = String(at >= 0 ? at : months.length);
  slider.disabled = false;
  slider.addEventListener('input', showAsOf);
  slider.addEventListener('change', loadNetwork);
  const hide = readState('hide');
  if (hide) for (const key of hide.split(',')) network.hiddenCountries.add(key === NO_COUNTRY ? '' : key);
  const korean = document.getElementById('korean-names');
  korean.checked = readState('ko') === '1';
  network.korean = korean.checked;
  korean.disabled = false;
  korean.addEventListener('change', () => {
    network.korean = korean.checked;
    writeState({ ko: korean.checked ? '1' : null });
    drawNetwork();
  });
  setUpDownloads();
}

/** The drawn view as a PNG and its edges as CSV, downloaded by the browser (nothing leaves the page). */
function setUpDownloads() {
  const download = (blob, name) => {
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  };
  document.getElementById('network-png').addEventListener('click', () => {
    download(network.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 }), 'partnership-network.png');
  });
  document.getElementById('network-csv').addEventListener('click', () => {
    download(new Blob([networkCsv()], { type: 'text/csv;charset=utf-8' }), 'partnership-network.csv');
  });
  for (const button of document.querySelectorAll('#network-panel .downloads button')) button.disabled = false;
}

/** The drawn edges as CSV: one row per edge, with the filters of the view in a comment-free header. */
export function networkCsv() {
  const quote = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const { nodes, edges } = visibleResult();
  const names = new Map(nodes.map((node) => [node.id, node.label]));
  const header = ['partnership', 'name', 'kind', 'source', 'source_name', 'target', 'target_name', 'announced_on'];
  const rows = [[...header, 'value_usd', 'confidence', 'parties']];
  for (const edge of edges) {
    const deal = network.deals.get(edge.partnershipId);
    rows.push([
      edge.partnershipId,
      edge.name,
      edge.partnershipKind,
      edge.source,
      names.get(edge.source),
      edge.target,
      names.get(edge.target),
      edge.announcedOn,
      edge.valueUsd,
      edge.confidence,
      deal ? dealParties(deal) : '',
    ]);
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/**
 * Creates the network's canvas and draws every partnership now, whose dates give the slider its months and whose
 * layout places every later view; then the view the link asks for. Returns the Cytoscape.js graph.
 */
export function startNetwork() {
  network.cy = createNetworkGraph();
  const deals = allDeals().then((found) => {
    network.deals = found;
    if (network.element.dataset.state === 'ready') drawNetwork();
    const box = document.getElementById('edge-info');
    if (box.dataset.edge) showEdge(box.dataset.edge, { pin: box.dataset.pinned === 'true' });
  });
  deals.catch(() => {});
  runForPanel(network, 'PartnershipNetwork', { kinds: null, asOf: null }, (data) => {
    const whole = data.partnershipNetwork;
    network.undated = whole.edges.filter((edge) => !edge.announcedOn).map((edge) => edge.partnershipKind);
    setUpNetworkControls(PARTNERSHIP_KINDS, sliderMonths(whole.edges));
    layOutWhole(whole);
    network.result = whole;
    const variables = networkVariables();
    if (variables.kinds === null && variables.asOf === null) {
      network.element.dataset.variables = JSON.stringify(variables);
      showAsOf();
      drawNetwork();
    } else loadNetwork();
  });
  return network.cy;
}
