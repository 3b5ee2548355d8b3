/* 3. The dependency explorer: upstream(of) or downstream(of) of a service, or of any entity found by name, drawn
 * layer by layer and written out as text: models, companies, data sets and the chip vendors at the end of the chain. */
import { graphql } from './api.js';
import { element, fillSelect } from './dom.js';
import { displayName } from './format.js';
import { NO_GROUP, createGraph } from './graph.js';
import { panel, runForPanel, setState } from './panel.js';

const SHOWCASE_SERVICE = 'askup';
/** Each kind's colour, shape and word: the legend pairs the shape with the word, so colour is never the only cue. */
const KINDS = {
  SERVICE: { colour: '#59a14f', shape: 'diamond', word: 'service' },
  FOUNDATION_MODEL: { colour: '#b07aa1', shape: 'ellipse', word: 'model' },
  COMPANY: { colour: '#4e79a7', shape: 'round-rectangle', word: 'company' },
  DATASET: { colour: '#e8a33d', shape: 'barrel', word: 'data set' },
};
/** Kinds a dependency walk can start from (the search also finds sources, stages and partnerships). */
const ROOT_KINDS = Object.keys(KINDS);
/**
 * The most entities drawn: a graph this big still lays out at once and stays legible when fitted. A larger walk
 * (everything downstream of a chip vendor) draws its nearest entities and lists every one below the canvas.
 */
const MAX_DRAWN = 150;
/** Rows per column within a layer; a longer layer wraps into more columns. */
const LAYER_ROWS = 14;
/** Entities per row within a layer on a narrow canvas, where layers run top to bottom. */
const NARROW_ROW = 4;
/** Below this canvas width (CSS pixels) the layers run top to bottom. */
const NARROW = 640;
/** Names written out per layer in the text; the rest fold into a "more" line a reader can open. */
const LAYER_NAMES = 40;

const explorer = panel('explorer-panel');

/** Every service, page by page, by name. */
async function allServices() {
  const services = [];
  let after = null;
  do {
    const page = (await graphql('ServiceList', { after })).services;
    services.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return services.sort((a, b) => a.name.localeCompare(b.name));
}

/** Walks from `of` (or the chosen service) in the chosen direction and draws the answer. */
function loadWalk(of) {
  const direction = document.getElementById('direction').value;
  const root = of || document.getElementById('service').value;
  explorer.root = root;
  explorer.element.dataset.variables = JSON.stringify({ direction, of: root });
  return direction === 'downstream'
    ? runForPanel(explorer, 'Downstream', { of: root }, (data) => drawWalk(data.downstream, direction))
    : runForPanel(explorer, 'Upstream', { of: root }, (data) => drawWalk(data.upstream, direction));
}

/** A node's label on the canvas: its name, a data set's kind, a company's infrastructure stages (AI chips ...). */
function nodeLabel(entity) {
  if (entity.kind === 'DATASET') return `${entity.name}\n(data set)`;
  const infrastructure = (entity.stages || [])
    .filter((stage) => stage.layer === 'INFRASTRUCTURE')
    .map((stage) => stage.name.replace(/\s*\(.*\)$/, ''));
  return infrastructure.length ? `${entity.name}\n${infrastructure.join(', ')}` : entity.name;
}

function drawWalk(result, direction) {
  // The API lists nodes nearest first, so the drawn ones are the nearest.
  const nodes = [{ entity: result.root, distance: 0 }, ...result.nodes];
  const drawnNodes = nodes.slice(0, MAX_DRAWN);
  const drawnIds = new Set(drawnNodes.map((node) => node.entity.id));
  const cy = explorer.cy;
  cy.elements().remove();
  cy.add([
    ...drawnNodes.map(({ entity, distance }) => ({
      data: {
        id: entity.id,
        label: nodeLabel(entity),
        kind: entity.kind,
        distance,
        colour: (KINDS[entity.kind] || {}).colour || NO_GROUP,
        shape: (KINDS[entity.kind] || {}).shape || 'ellipse',
      },
    })),
    ...mergeSteps(result.steps)
      .filter((step) => drawnIds.has(step.from) && drawnIds.has(step.to))
      .map((step) => ({
        data: { id: `${step.from}->${step.to}`, source: step.from, target: step.to, label: step.relations.join(' / ') },
      })),
  ]);
  cy.layout({
    name: 'preset',
    positions: layerPositions(drawnNodes, direction, cy.width() < NARROW),
    fit: true,
    padding: 30,
    animate: false,
  }).run();
  if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  const container = document.getElementById('upstream');
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.total = String(nodes.length);
  const note = document.getElementById('explorer-note');
  note.hidden = nodes.length <= MAX_DRAWN;
  note.textContent =
    nodes.length <= MAX_DRAWN
      ? ''
      : `${nodes.length} entities in all: the ${MAX_DRAWN} nearest are drawn, the list below names every one.`;
  drawLayers(nodes);
}

/**
 * Layers by distance from the root, left to right upstream and right to left downstream (so the dependency is
 * always on the right); in a layer, services, then models, data sets and companies, by name, wrapped into columns.
 * On a narrow canvas (a phone) the layers run top to bottom instead, a few entities to a row, so the graph fits its
 * width at a legible zoom.
 */
function layerPositions(nodes, direction, narrow) {
  const order = ['SERVICE', 'FOUNDATION_MODEL', 'DATASET', 'COMPANY'];
  const perLine = narrow ? NARROW_ROW : LAYER_ROWS;
  const [across, along] = narrow ? [95, 75] : [90, 200];
  const layers = new Map();
  for (const node of nodes) layers.set(node.distance, [...(layers.get(node.distance) || []), node.entity]);
  const positions = {};
  let line = 0;
  for (const distance of [...layers.keys()].sort((a, b) => a - b)) {
    const entities = layers.get(distance);
    entities.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
    const width = Math.min(entities.length, perLine);
    entities.forEach((entity, index) => {
      const depth = (line + Math.floor(index / perLine)) * along;
      const offset = ((index % perLine) - (width - 1) / 2) * across;
      const signed = direction === 'downstream' ? -depth : depth;
      positions[entity.id] = narrow ? { x: offset, y: signed } : { x: signed, y: offset };
    });
    line += Math.ceil(entities.length / perLine);
  }
  return positions;
}

/** One edge per pair of entities, listing every relation between them (OpenAI on Microsoft: INVESTED_BY / ...). */
function mergeSteps(steps) {
  const byPair = new Map();
  for (const step of steps) {
    const key = `${step.from}->${step.to}`;
    const merged = byPair.get(key) || { from: step.from, to: step.to, relations: [] };
    for (const relation of step.relations) if (!merged.relations.includes(relation)) merged.relations.push(relation);
    byPair.set(key, merged);
  }
  return [...byPair.values()];
}

const kindWord = (entity) => (KINDS[entity.kind] ? KINDS[entity.kind].word : entity.kind.toLowerCase());
const describe = (entity) => `${displayName(entity)} ${kindWord(entity)}`;

/** The same graph as text, one line per distance: "2 steps: OpenAI (오픈AI) company"; a long line folds. */
function drawLayers(nodes) {
  const list = document.getElementById('layers');
  list.textContent = '';
  const byDistance = new Map();
  for (const node of nodes) byDistance.set(node.distance, [...(byDistance.get(node.distance) || []), node.entity]);
  for (const [distance, entities] of byDistance) {
    const item = element('li');
    item.append(element('strong', '', distance === 0 ? 'root' : `${distance} step${distance === 1 ? '' : 's'}`), ' ');
    item.append(entities.slice(0, LAYER_NAMES).map(describe).join(' · '));
    if (entities.length > LAYER_NAMES) {
      const more = element('details', 'more');
      more.append(
        element('summary', '', `and ${entities.length - LAYER_NAMES} more`),
        entities.slice(LAYER_NAMES).map(describe).join(' · '),
      );
      item.append(more);
    }
    list.append(item);
  }
}

/** The legend: each kind's shape drawn in its colour, with its word. */
function drawLegend() {
  const legend = document.getElementById('explorer-legend');
  legend.textContent = '';
  for (const [kind, { colour, word }] of Object.entries(KINDS)) {
    const item = element('li');
    item.dataset.kind = kind;
    const swatch = element('span', `shape ${kind.toLowerCase().replace('_', '-')}`);
    swatch.style.backgroundColor = colour;
    item.append(swatch, word);
    legend.append(item);
  }
}

function createWalkGraph() {
  return createGraph('upstream', [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        shape: 'data(shape)',
        width: 22,
        height: 22,
        'font-size': 11,
        'min-zoomed-font-size': 6,
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#fff',
        'text-outline-width': 2,
      },
    },
    { selector: 'node[kind = "DATASET"]', style: { width: 28, 'border-width': 1.5, 'border-color': '#8a5a00' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#98a2b3',
        'target-arrow-color': '#98a2b3',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 6,
        color: '#556',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
      },
    },
  ]);
}

/** The search box: entities by name, each hit a button that walks from it. */
function setUpSearch() {
  const input = document.getElementById('explorer-search');
  const hits = document.getElementById('search-hits');
  let ticket = 0;
  input.disabled = false;
  input.addEventListener('change', () => {
    const text = input.value.trim();
    const mine = (ticket += 1);
    hits.textContent = '';
    hits.hidden = text === '';
    if (text === '') return;
    graphql('ExplorerSearch', { text }).then(
      (data) => {
        if (mine !== ticket) return;
        const found = data.search.map((hit) => hit.entity).filter((entity) => ROOT_KINDS.includes(entity.kind));
        hits.dataset.text = text;
        if (found.length === 0) hits.append(element('li', 'hint', `Nothing to walk from is named "${text}".`));
        for (const entity of found) {
          const button = element('button', '', describe(entity));
          button.type = 'button';
          button.dataset.id = entity.id;
          button.addEventListener('click', () => loadWalk(entity.id));
          const item = element('li');
          item.append(button);
          hits.append(item);
        }
      },
      (error) => {
        if (mine === ticket) hits.append(element('li', 'error', `${error.code} ${error.message}`));
      },
    );
  });
}

function setUpExplorerControls(services) {
  const select = document.getElementById('service');
  fillSelect(
    select,
    services.map((service) => ({ value: service.id, label: displayName(service) })),
  );
  if (services.some((service) => service.id === SHOWCASE_SERVICE)) select.value = SHOWCASE_SERVICE;
  select.disabled = false;
  select.addEventListener('change', () => loadWalk(select.value));
  const direction = document.getElementById('direction');
  direction.disabled = false;
  direction.addEventListener('change', () => loadWalk(explorer.root));
  setUpSearch();
}

/** Creates the explorer's canvas, fills the service menu and shows the showcase service; returns the graph. */
export function startExplorer() {
  explorer.cy = createWalkGraph();
  drawLegend();
  setState(explorer, 'loading');
  allServices().then(
    (services) => {
      setUpExplorerControls(services);
      if (services.length > 0) loadWalk();
      else setState(explorer, 'ready');
    },
    (error) => setState(explorer, 'error', error),
  );
  return explorer.cy;
}
