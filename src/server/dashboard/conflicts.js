/* 5. Where sources disagree: the first page of conflicts(field, kind), each field's claims with their sources, the
 * preferred claim (the one the entity shows) marked, and claims a source hedges marked uncertain. */
import { element, fillSelect } from './dom.js';
import { claimValue, displayName, number } from './format.js';
import { panel, runForPanel } from './panel.js';

/** The kinds of entity whose fields are claimed (the contract's EntityKind values), for the kind filter. */
const CLAIMED_KINDS = {
  '': 'every kind',
  FOUNDATION_MODEL: 'models',
  COMPANY: 'companies',
  SERVICE: 'services',
  PARTNERSHIP: 'partnerships',
  DATASET: 'data sets',
};
const KIND_WORDS = {
  FOUNDATION_MODEL: 'model',
  COMPANY: 'company',
  SERVICE: 'service',
  PARTNERSHIP: 'partnership',
  DATASET: 'data set',
};

const conflicts = panel('conflicts-panel');
/** Every field seen in a conflict so far, offered by the field box. */
const fieldsSeen = new Set();

function conflictVariables() {
  const field = document.getElementById('conflict-field').value.trim();
  const kind = document.getElementById('conflict-kind').value;
  return { field: field || null, kind: kind || null };
}

function loadConflicts() {
  const variables = conflictVariables();
  conflicts.element.dataset.variables = JSON.stringify(variables);
  return runForPanel(conflicts, 'Conflicts', variables, (data) => drawConflicts(data.conflicts));
}

/** One claim: its value, its source, and marks for the preferred one and an uncertain one. */
function claimItem(claim) {
  const item = element('li', claim.preferred ? 'claim preferred' : 'claim');
  item.dataset.source = claim.source.id;
  item.dataset.value = claim.value;
  item.dataset.confidence = claim.confidence;
  if (claim.preferred) item.append(element('span', 'mark', '★ shown'), ' ');
  item.append(element('span', 'value', claimValue(claim.value)), ' ', element('span', 'source', claim.source.name));
  if (claim.confidence === 'UNCERTAIN') {
    item.classList.add('uncertain');
    item.append(' ', element('span', 'hedge', 'uncertain: the source hedges it'));
  }
  return item;
}

function drawConflicts(connection) {
  const { nodes, totalCount } = connection;
  document.getElementById('conflict-count').textContent =
    totalCount === 0
      ? 'The sources agree on every field.'
      : `${number.format(totalCount)} fields where sources disagree, largest disagreement first` +
        (totalCount > nodes.length ? `; the first ${nodes.length} shown.` : '.');
  const list = document.getElementById('conflicts');
  list.textContent = '';
  list.dataset.count = String(nodes.length);
  for (const conflict of nodes) {
    fieldsSeen.add(conflict.field);
    const item = element('li', 'conflict');
    item.dataset.entity = conflict.entity.id;
    item.dataset.field = conflict.field;
    const heading = element('p', 'what');
    heading.append(
      element('strong', '', displayName(conflict.entity)),
      ` ${KIND_WORDS[conflict.entity.kind] || conflict.entity.kind.toLowerCase()} · `,
      element('code', '', conflict.field),
    );
    const claims = element('ul', 'claims');
    for (const claim of conflict.claims) claims.append(claimItem(claim));
    item.append(heading, claims);
    list.append(item);
  }
  fillSelect(
    document.getElementById('conflict-fields'),
    [...fieldsSeen].sort().map((field) => ({ value: field, label: field })),
  );
}

/** Fills the kind filter and shows the first page of conflicts over every field and kind. */
export function startConflicts() {
  fillSelect(
    document.getElementById('conflict-kind'),
    Object.entries(CLAIMED_KINDS).map(([value, label]) => ({ value, label })),
  );
  for (const id of ['conflict-field', 'conflict-kind'])
    document.getElementById(id).addEventListener('change', loadConflicts);
  loadConflicts();
}
