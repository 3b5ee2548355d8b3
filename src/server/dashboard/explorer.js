/* 3. The dependency explorer: upstream(of) of a chosen service, drawn layer by layer and written out as text. */
import { graphql } from './api.js';
import { element, fillSelect } from './dom.js';
import { displayName } from './format.js';
import { NO_GROUP, createGraph } from './graph.js';
import { panel, runForPanel, setState } from './panel.js';

const SHOWCASE_SERVICE = 'askup';
const ENTITY_COLOURS = { SERVICE: '#59a14f', FOUNDATION_MODEL: '#b07aa1', COMPANY: '#4e79a7' };
const ENTITY_WORDS = { SERVICE: 'service', FOUNDATION_MODEL: 'model', COMPANY: 'company' };

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

function loadUpstream() {
  const of = document.getElementById('service').value;
  explorer.element.dataset.variables = JSON.stringify({ of });
  return runForPanel(explorer, 'Upstream', { of }, (data) => drawUpstream(data.upstream));
}

/** A node's label on the canvas: its name, and for a company its infrastructure stages (cloud, AI chips ...). */
function upstreamLabel(entity) {
  const infrastructure = (entity.stages || [])
    .filter((stage) => stage.layer === 'INFRASTRUCTURE')
    .map((stage) => stage.name.replace(/\s*\(.*\)$/, ''));
  return infrastructure.length ? `${entity.name}\n${infrastructure.join(', ')}` : entity.name;
}

function drawUpstream(result) {
  const nodes = [{ entity: result.root, distance: 0 }, ...result.nodes];
  const cy = explorer.cy;
  cy.elements().remove();
  cy.add([
    ...nodes.map(({ entity, distance }) => ({
      data: {
        id: entity.id,
        label: upstreamLabel(entity),
        kind: entity.kind,
        distance,
        colour: ENTITY_COLOURS[entity.kind] || NO_GROUP,
      },
    })),
    ...mergeSteps(result.steps).map((step) => ({
      data: { id: `${step.from}->${step.to}`, source: step.from, target: step.to, label: step.relations.join(' / ') },
    })),
  ]);
  cy.layout({ name: 'preset', positions: layerPositions(nodes), fit: true, padding: 30, animate: false }).run();
  if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  const container = document.getElementById('upstream');
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  drawLayers(nodes);
}

/** Layers left to right by distance from the root; in a layer, services, then models, then companies, by name. */
function layerPositions(nodes) {
  const order = ['SERVICE', 'FOUNDATION_MODEL', 'COMPANY'];
  const layers = new Map();
  for (const node of nodes) layers.set(node.distance, [...(layers.get(node.distance) || []), node.entity]);
  const positions = {};
  for (const [distance, entities] of layers) {
    entities.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
    entities.forEach((entity, index) => {
      positions[entity.id] = { x: distance * 200, y: (index - (entities.length - 1) / 2) * 90 };
    });
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

/** The same graph as text, one line per distance: "2 steps: OpenAI (오픈AI) company". */
function drawLayers(nodes) {
  const list = document.getElementById('layers');
  list.textContent = '';
  const byDistance = new Map();
  for (const node of nodes) byDistance.set(node.distance, [...(byDistance.get(node.distance) || []), node.entity]);
  for (const [distance, entities] of byDistance) {
    const item = element('li');
    item.append(element('strong', '', distance === 0 ? 'root' : `${distance} step${distance === 1 ? '' : 's'}`), ' ');
    item.append(
      entities
        .map((entity) => `${displayName(entity)} ${ENTITY_WORDS[entity.kind] || entity.kind.toLowerCase()}`)
        .join(' · '),
    );
    list.append(item);
  }
}

function createUpstreamGraph() {
  return createGraph('upstream', [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        shape: (node) =>
          node.data('kind') === 'COMPANY' ? 'round-rectangle' : node.data('kind') === 'SERVICE' ? 'diamond' : 'ellipse',
        width: 22,
        height: 22,
        'font-size': 11,
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#fff',
        'text-outline-width': 2,
      },
    },
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
        color: '#556',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
      },
    },
  ]);
}

function setUpExplorerControls(services) {
  const select = document.getElementById('service');
  fillSelect(
    select,
    services.map((service) => ({ value: service.id, label: displayName(service) })),
  );
  if (services.some((service) => service.id === SHOWCASE_SERVICE)) select.value = SHOWCASE_SERVICE;
  select.disabled = false;
  select.addEventListener('change', loadUpstream);
}

/** Creates the explorer's canvas, fills the service menu and shows the showcase service; returns the graph. */
export function startExplorer() {
  explorer.cy = createUpstreamGraph();
  setState(explorer, 'loading');
  allServices().then(
    (services) => {
      setUpExplorerControls(services);
      if (services.length > 0) loadUpstream();
      else setState(explorer, 'ready');
    },
    (error) => setState(explorer, 'error', error),
  );
  return explorer.cy;
}
