/* 3. The dependency explorer: upstream(of) or downstream(of) of a service, or of any entity found by name, drawn
 * layer by layer and written out as text: models, companies, data sets and the chip vendors at the end of the chain.
 * Each step is as firm as the API says (UNCERTAIN ones dashed and labelled); a click on one shows its sources. */
import { graphql } from './api.js';
import { listHits } from './hits.js';
import { ENTITY_STYLES, NO_GROUP, PATH_COLOUR, STEP_COLOUR } from './colours.js';
import { moveCursor } from './cursor.js';
import { element, fillSelect } from './dom.js';
import { displayName } from './format.js';
import { createGraph, loadLabelFonts } from './graph.js';
import { panel, runForPanel, setState } from './panel.js';
import { describeSources } from './sourceLinks.js';
import { readState, writeState } from './state.js';

const SHOWCASE_SERVICE = 'askup';
/** Each kind's colour, shape and word: the legend pairs the shape with the word, so colour is never the only cue. */
const KINDS = ENTITY_STYLES;
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

/** The service menu's value while the walk starts from something else. */
const OTHER_ROOT = '';

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
  const select = document.getElementById('service');
  const root = of || select.value;
  // The menu names the service walked from, or says the walk starts elsewhere (a model, a company, a link).
  select.value = [...select.options].some((option) => option.value === root) ? root : OTHER_ROOT;
  explorer.root = root;
  explorer.element.dataset.variables = JSON.stringify({ direction, of: root });
  writeState({ of: root, dir: direction === 'upstream' ? null : direction });
  const then = (result) => {
    drawWalk(result, direction);
    if (explorer.pathTo) showPaths(explorer.pathTo);
  };
  return direction === 'downstream'
    ? runForPanel(explorer, 'Downstream', { of: root }, (data) => then(data.downstream))
    : runForPanel(explorer, 'Upstream', { of: root }, (data) => then(data.upstream));
}

/** Walks from an entity found elsewhere on the page (the search box, a panel's list). */
export function walkFrom(id) {
  return loadWalk(id);
}

const isUncertain = (part) => part.confidence === 'UNCERTAIN';
const stepId = (step) => `${step.from}->${step.to}`;
/** An entity's name by id, among those the explorer shows. */
const nameOf = (id) => (explorer.names && explorer.names.get(id)) || id;
/** A relation in words: BUILT_ON is "built on". */
const relationWords = (relation) => relation.toLowerCase().replaceAll('_', ' ');

/**
 * A drawn step's label and how firm it is, from the confidence the API gives each part of it (a walk's step is one
 * relation; a path's step merges its parallel relations under one confidence): an UNCERTAIN part is labelled
 * "(uncertain)", "HOSTED_BY / INVESTED_BY / OWNED_BY (uncertain)"; the edge is dashed when every part is.
 */
function stepData(step) {
  const uncertain = step.parts.filter(isUncertain);
  return {
    label: step.parts
      .map((part) => `${part.relations.join(' / ')}${isUncertain(part) ? ' (uncertain)' : ''}`)
      .join(' / '),
    confidence: uncertain.length === 0 ? 'FIRM' : uncertain.length === step.parts.length ? 'UNCERTAIN' : 'PARTLY',
  };
}

/** "Tongyi Qianwen → M6-10T (built on)": a step and its uncertain relations, in words. */
function uncertainText(step) {
  const relations = step.parts.filter(isUncertain).flatMap((part) => part.relations);
  return `${nameOf(step.from)} → ${nameOf(step.to)} (${relations.map(relationWords).join(', ')})`;
}

/** Shows a step in the step box (a click or tap on its edge): its ends, each relation's confidence, its sources. */
function showStep(id) {
  const step = explorer.stepsById.get(id);
  if (!step) return;
  const box = document.getElementById('step-info');
  box.textContent = '';
  box.dataset.step = id;
  box.dataset.confidence = stepData(step).confidence;
  const ends = element('p', 'step-ends');
  ends.append(element('strong', '', nameOf(step.from)), ' depends on ', element('strong', '', nameOf(step.to)));
  const relations = element('ul', 'relations');
  for (const part of step.parts) {
    const item = element('li', isUncertain(part) ? 'uncertain' : '', `${part.relations.join(' / ')}: `);
    item.append(element('span', isUncertain(part) ? 'hedge' : 'confidence', part.confidence.toLowerCase()));
    relations.append(item);
  }
  box.append(ends, relations, ...describeSources(step.sources));
}

/** Where the canvas's keyboard cursor is: an entity (Up, Down) or a step (Left, Right). */
const walkCursor = { kind: null, id: null };

/** The drawn entities nearest first, then by name (as the list under the canvas), or the drawn steps in that order. */
function cursorItems(kind) {
  const cy = explorer.cy;
  const distance = (id) => cy.$id(id).data('distance');
  const byName = (a, b) => nameOf(a).localeCompare(nameOf(b));
  if (kind === 'node')
    return cy.nodes().sort((a, b) => a.data('distance') - b.data('distance') || byName(a.id(), b.id()));
  return cy
    .edges()
    .sort(
      (a, b) =>
        distance(a.data('source')) - distance(b.data('source')) ||
        byName(a.data('source'), b.data('source')) ||
        byName(a.data('target'), b.data('target')),
    );
}

/** Moves the keyboard cursor by `step` through the drawn entities or steps (wrapping); a step shows its box. */
function moveWalkCursor(kind, step) {
  const items = cursorItems(kind);
  const moved = moveCursor(walkCursor, kind, items, step);
  if (!moved) return;
  const { item: next, index } = moved;
  explorer.cy.elements().unselect();
  next.select();
  const said = document.getElementById('explorer-cursor');
  said.hidden = false;
  if (kind === 'node') {
    const steps = next.data('distance');
    said.textContent =
      `${nameOf(next.id())}, ${kindWord({ kind: next.data('kind') })}, ` +
      `${steps === 0 ? 'the walk starts here' : `${steps} ${steps === 1 ? 'step' : 'steps'} away`}: ` +
      `entity ${index + 1} of ${items.length}. Enter walks from it.`;
  } else {
    showStep(next.id());
    said.textContent =
      `${nameOf(next.data('source'))} depends on ${nameOf(next.data('target'))}: ${next.data('label')}, ` +
      `step ${index + 1} of ${items.length}.`;
  }
}

/** The canvas's keys: arrows move the cursor, Enter walks from the entity under it, Escape clears it. */
function onWalkKey(event) {
  const moves = { ArrowDown: ['node', 1], ArrowUp: ['node', -1], ArrowRight: ['edge', 1], ArrowLeft: ['edge', -1] };
  if (moves[event.key]) {
    event.preventDefault();
    moveWalkCursor(...moves[event.key]);
  } else if (event.key === 'Enter' && walkCursor.kind === 'node') {
    event.preventDefault();
    loadWalk(walkCursor.id);
  } else if (event.key === 'Escape') clearWalkCursor();
}

function clearWalkCursor() {
  explorer.cy.elements().unselect();
  walkCursor.kind = walkCursor.id = null;
  const said = document.getElementById('explorer-cursor');
  said.hidden = true;
  said.textContent = '';
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
  explorer.names = new Map(nodes.map(({ entity }) => [entity.id, entity.name]));
  explorer.steps = mergeSteps(result.steps);
  explorer.stepsById = new Map(explorer.steps.map((step) => [step.id, step]));
  clearWalkCursor();
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
    ...explorer.steps
      .filter((step) => drawnIds.has(step.from) && drawnIds.has(step.to))
      .map((step) => ({
        data: { id: step.id, source: step.from, target: step.to, ...stepData(step) },
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
  loadLabelFonts(cy.nodes().map((node) => node.data('label')));
  const container = document.getElementById('upstream');
  container.dataset.zoom = String(cy.zoom());
  container.dataset.uncertain = String(cy.edges('[confidence = "UNCERTAIN"], [confidence = "PARTLY"]').length);
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.total = String(nodes.length);
  const note = document.getElementById('explorer-note');
  note.hidden = nodes.length <= MAX_DRAWN;
  note.textContent =
    nodes.length <= MAX_DRAWN
      ? ''
      : `${nodes.length} entities in all: the ${MAX_DRAWN} nearest are drawn, the list below names every one.`;
  const uncertain = explorer.steps.filter((step) => step.parts.some(isUncertain));
  drawLayers(nodes, uncertain);
  const box = document.getElementById('step-info');
  box.replaceChildren(explorer.stepHint);
  delete box.dataset.step;
  delete box.dataset.confidence;
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

/**
 * One edge per pair of entities (OpenAI on Microsoft: HOSTED_BY / INVESTED_BY / OWNED_BY): each step of the answer a
 * part with its relations and confidence, and the sources of them all, each once.
 */
function mergeSteps(steps) {
  const byPair = new Map();
  for (const step of steps) {
    const id = stepId(step);
    const merged = byPair.get(id) || { id, from: step.from, to: step.to, parts: [], sources: [] };
    merged.parts.push({ relations: step.relations, confidence: step.confidence });
    for (const source of step.sources)
      if (!merged.sources.some((known) => known.id === source.id)) merged.sources.push(source);
    byPair.set(id, merged);
  }
  return [...byPair.values()];
}

const kindWord = (entity) => (KINDS[entity.kind] ? KINDS[entity.kind].word : entity.kind.toLowerCase());
const describe = (entity) => `${displayName(entity)} ${kindWord(entity)}`;

/**
 * The same graph as text, one line per distance: "2 steps: OpenAI (오픈AI) company", a long line folded; then the
 * steps with an uncertain relation, so that the dashes are not the only sign of them.
 */
function drawLayers(nodes, uncertain) {
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
  if (uncertain.length === 0) return;
  const item = element('li', 'uncertain-steps');
  item.append(element('strong', '', 'Uncertain steps:'), ' ', uncertain.map(uncertainText).join(' · '));
  list.append(item);
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
    { selector: 'node[kind = "DATASET"]', style: { width: 28, 'border-width': 1.5, 'border-color': '#5c3600' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': STEP_COLOUR,
        'target-arrow-color': STEP_COLOUR,
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 6,
        color: '#556',
        'text-rotation': 'autorotate',
        // A step with several relations ("HOSTED_BY / INVESTED_BY / OWNED_BY (uncertain)") wraps instead of running
        // over the labels of the entities at its ends.
        'text-wrap': 'wrap',
        'text-max-width': 120,
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
      },
    },
    { selector: 'edge[confidence = "UNCERTAIN"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge[confidence != "FIRM"]', style: { color: '#8a4b00' } },
    {
      selector: 'node.on-path',
      style: { 'border-width': 4, 'border-color': PATH_COLOUR, 'font-weight': 'bold', 'z-index': 10 },
    },
    {
      selector: 'edge.on-path',
      style: { width: 4, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, 'z-index': 10 },
    },
    { selector: '.off-path', style: { opacity: 0.35 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d2330' } },
    { selector: 'edge:selected', style: { width: 4, 'z-index': 10 } },
  ]);
}

/** Finds an entity by name for a search box: an exact name (English or Korean) first, else the first hit. */
async function findEntity(text) {
  const hits = (await graphql('ExplorerSearch', { text, kinds: null })).search.map((hit) => hit.entity);
  const wanted = text.toLowerCase();
  return (
    hits.find(
      (entity) => entity.id === wanted || [entity.name, entity.nameKo].some((name) => name?.toLowerCase() === wanted),
    ) ||
    hits.find((entity) => ROOT_KINDS.includes(entity.kind)) ||
    null
  );
}

/**
 * The path mode: the shortest dependency paths between the entity shown and another (from the root to it upstream,
 * from it to the root downstream), highlighted on the canvas and written out.
 */
async function showPaths(target) {
  const note = document.getElementById('path-note');
  const cy = explorer.cy;
  cy.elements().removeClass('on-path off-path');
  note.hidden = false;
  const direction = document.getElementById('direction').value;
  const [from, to] = direction === 'downstream' ? [target.id, explorer.root] : [explorer.root, target.id];
  const mine = (explorer.pathTicket = (explorer.pathTicket || 0) + 1);
  note.textContent = `Looking for paths to ${displayName(target)}…`;
  let paths;
  try {
    paths = (await graphql('DependencyPaths', { from, to })).dependencyPaths;
  } catch (error) {
    if (mine === explorer.pathTicket) note.textContent = `${error.code} ${error.message}`;
    return;
  }
  if (mine !== explorer.pathTicket) return;
  const container = document.getElementById('upstream');
  if (paths.length === 0) {
    container.dataset.path = '';
    note.textContent =
      direction === 'downstream'
        ? `${displayName(target)} does not depend on the entity shown.`
        : `The entity shown does not depend on ${displayName(target)}.`;
    return;
  }
  const shortest = paths.filter((path) => path.length === paths[0].length);
  for (const path of shortest) {
    for (const entity of path.entities) cy.$id(entity.id).addClass('on-path');
    for (const step of path.steps) cy.$id(stepId(step)).addClass('on-path');
  }
  cy.elements().not('.on-path').addClass('off-path');
  container.dataset.path = JSON.stringify(shortest.map((path) => path.entities.map((entity) => entity.id)));
  const lines = shortest.map((path) => path.entities.map((entity) => entity.name).join(' → '));
  // A path's step is as firm as its firmest relation: the API gives it one confidence.
  const uncertain = new Map();
  for (const step of shortest.flatMap((path) => path.steps).filter(isUncertain))
    uncertain.set(stepId(step), uncertainText({ from: step.from, to: step.to, parts: [step] }));
  note.textContent =
    `${shortest.length} shortest path${shortest.length === 1 ? '' : 's'} of ${paths[0].length} ` +
    `step${paths[0].length === 1 ? '' : 's'}: ${lines.join('; ')}` +
    (uncertain.size ? `. Uncertain on the way: ${[...uncertain.values()].join('; ')}` : '');
}

/** The path box: a name, looked up and highlighted; empty clears the highlight. */
function setUpPathMode() {
  const input = document.getElementById('path-to');
  input.disabled = false;
  const run = async (text) => {
    writeState({ to: text || null });
    if (!text) {
      explorer.pathTo = null;
      explorer.cy.elements().removeClass('on-path off-path');
      document.getElementById('path-note').hidden = true;
      document.getElementById('upstream').dataset.path = '';
      return;
    }
    const target = await findEntity(text).catch(() => null);
    explorer.pathTo = target;
    if (target) showPaths(target);
    else {
      const note = document.getElementById('path-note');
      note.hidden = false;
      note.textContent = `Nothing is named "${text}".`;
    }
  };
  input.addEventListener('change', () => run(input.value.trim()));
  const wanted = readState('to');
  if (wanted) {
    input.value = wanted;
    run(wanted);
  }
}

/** The search box: entities by name, each hit a button that walks from it. */
function setUpSearch() {
  const input = document.getElementById('explorer-search');
  input.disabled = false;
  input.addEventListener('change', () =>
    listHits(document.getElementById('search-hits'), input.value.trim(), {
      kinds: ROOT_KINDS,
      describe,
      pick: (entity) => loadWalk(entity.id),
      nothing: (text) => `Nothing to walk from is named "${text}".`,
    }),
  );
}

function setUpExplorerControls(services) {
  const select = document.getElementById('service');
  fillSelect(select, [
    { value: OTHER_ROOT, label: '(not a service)' },
    ...services.map((service) => ({ value: service.id, label: displayName(service) })),
  ]);
  select.options[0].disabled = true;
  if (services.some((service) => service.id === SHOWCASE_SERVICE)) select.value = SHOWCASE_SERVICE;
  select.disabled = false;
  select.addEventListener('change', () => loadWalk(select.value));
  const direction = document.getElementById('direction');
  direction.disabled = false;
  if (readState('dir') === 'downstream') direction.value = 'downstream';
  direction.addEventListener('change', () => loadWalk(explorer.root));
  setUpSearch();
}

/** Creates the explorer's canvas, fills the service menu and shows the showcase service; returns the graph. */
export function startExplorer() {
  explorer.cy = createWalkGraph();
  explorer.cy.on('tap', 'edge', (event) => showStep(event.target.id()));
  document.getElementById('upstream').addEventListener('keydown', onWalkKey);
  explorer.stepHint = document.querySelector('#step-info .hint');
  drawLegend();
  setState(explorer, 'loading');
  allServices().then(
    (services) => {
      setUpExplorerControls(services);
      const of = readState('of');
      if (of || services.length > 0) loadWalk(of || undefined);
      else setState(explorer, 'ready');
      setUpPathMode();
    },
    (error) => setState(explorer, 'error', error),
  );
  return explorer.cy;
}
