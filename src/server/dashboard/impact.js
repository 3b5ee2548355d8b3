/* 4. Removal impact and systemic importance: removalImpact(id) ("what rests on NVIDIA?") and systemicImportance. */
import { ENTITY_STYLES } from './colours.js';
import { element } from './dom.js';
import { countryName, displayName, number } from './format.js';
import { listHits } from './hits.js';
import { panel, runForPanel } from './panel.js';
import { readState, writeState } from './state.js';

const DEFAULT_REMOVED = 'nvidia';
/** Names written out per kind; the rest fold into a "more" line. */
const LISTED = 30;

const impact = panel('impact-panel');
const systemic = panel('systemic-panel');
let focus = () => {};

/** "1 company", "18 companies", "4 models". */
const plural = (count, word) =>
  `${number.format(count)} ${count === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
const kindWord = (kind) => (ENTITY_STYLES[kind] ? ENTITY_STYLES[kind].word : kind.toLowerCase().replace('_', ' '));

/** An entity as a button that focuses it elsewhere on the page (network, card, explorer). */
function entityButton(entity) {
  const button = element('button', 'link', displayName(entity));
  button.type = 'button';
  button.dataset.id = entity.id;
  button.addEventListener('click', () => focus(entity));
  return button;
}

/**
 * A titled list of entities, the first LISTED written out and the rest folded; those in `uncertain` (ids exposed
 * only through UNCERTAIN steps) are marked so.
 */
function entityList(title, entities, className, uncertain) {
  const box = element('div', className);
  box.append(element('h4', '', `${title} (${number.format(entities.length)})`));
  const list = element('ul', 'entities');
  for (const entity of entities.slice(0, LISTED)) {
    const item = element('li');
    item.append(entityButton(entity));
    if (uncertain.has(entity.id)) {
      item.className = 'uncertain';
      item.append(' ', element('span', 'hedge', 'uncertain'));
    }
    list.append(item);
  }
  box.append(list);
  if (entities.length > LISTED) {
    const more = element('details', 'more');
    more.append(
      element('summary', '', `and ${entities.length - LISTED} more`),
      entities
        .slice(LISTED)
        .map((entity) => (uncertain.has(entity.id) ? `${displayName(entity)} (uncertain)` : displayName(entity)))
        .join(' · '),
    );
    box.append(more);
  }
  return box;
}

function drawImpact(result) {
  const summary = document.getElementById('impact-summary');
  const box = document.getElementById('impact');
  box.textContent = '';
  const byKind = new Map();
  for (const entity of result.exposed) byKind.set(entity.kind, [...(byKind.get(entity.kind) || []), entity]);
  const counts = [...byKind].map(([kind, entities]) => plural(entities.length, kindWord(kind)));
  const uncertain = new Set(result.exposedOnlyThroughUncertain.map((entity) => entity.id));
  summary.dataset.removed = result.removed.id;
  summary.dataset.exposed = String(result.exposed.length);
  summary.dataset.uncertain = String(uncertain.size);
  summary.dataset.singleSourced = String(result.singleSourcedServices.length);
  summary.textContent = '';
  const hedged =
    uncertain.size === 0 ? '' : `; ${number.format(uncertain.size)} only through uncertain facts, marked "uncertain"`;
  summary.append(
    element('strong', '', `Without ${displayName(result.removed)}`),
    result.exposed.length === 0
      ? ': nothing in the graph would lose a dependency.'
      : `, ${plural(result.exposed.length, 'entity')} would lose a dependency (${counts.join(', ')}${hedged}); ` +
          `${plural(result.singleSourcedServices.length, 'service')} would have no model left that avoids it.`,
  );
  if (result.singleSourcedServices.length)
    box.append(entityList('Services left with no alternative', result.singleSourcedServices, 'single', uncertain));
  for (const kind of ['SERVICE', 'FOUNDATION_MODEL', 'COMPANY', 'DATASET', ...byKind.keys()]) {
    if (!byKind.has(kind)) continue;
    box.append(entityList(`Exposed: ${kindWord(kind)}`, byKind.get(kind), 'exposed', uncertain));
    byKind.delete(kind);
  }
}

/** Shows what would lose a dependency if the entity with this id went away. */
export function showImpact(id) {
  impact.element.dataset.variables = JSON.stringify({ id });
  writeState({ remove: id === DEFAULT_REMOVED ? null : id });
  return runForPanel(impact, 'RemovalImpact', { id }, (data) => drawImpact(data.removalImpact));
}

function setUpImpactSearch() {
  const input = document.getElementById('impact-search');
  input.disabled = false;
  input.addEventListener('change', () =>
    listHits(document.getElementById('impact-hits'), input.value.trim(), {
      kinds: ['COMPANY', 'FOUNDATION_MODEL', 'DATASET', 'SERVICE'],
      describe: (entity) => `${displayName(entity)} ${kindWord(entity.kind)}`,
      pick: (entity) => showImpact(entity.id),
      nothing: (text) => `Nothing is named "${text}".`,
    }),
  );
}

function drawSystemic(ranks) {
  const body = document.querySelector('#systemic tbody');
  body.textContent = '';
  const betweenness = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
  for (const rank of ranks) {
    const row = element('tr');
    row.dataset.company = rank.company.id;
    const name = element('td');
    name.append(entityButton({ ...rank.company, kind: 'COMPANY' }), ` ${rank.company.country || ''}`);
    name.title = countryName(rank.company.country);
    row.append(
      element('td', 'number', String(rank.rank)),
      name,
      element('td', 'number', number.format(rank.dependentServices)),
      element('td', 'number', number.format(rank.dependentModels)),
      element('td', 'number', number.format(rank.dependentCompanies)),
      element('td', 'number', betweenness.format(rank.betweenness)),
    );
    body.append(row);
  }
}

/** Starts both panels: the removal of the entity the link names (NVIDIA by default) and the ranking. */
export function startImpact(focusEntity) {
  focus = focusEntity;
  setUpImpactSearch();
  showImpact(readState('remove') || DEFAULT_REMOVED);
  runForPanel(systemic, 'SystemicImportance', { first: 10, asOf: null }, (data) =>
    drawSystemic(data.systemicImportance),
  );
}
