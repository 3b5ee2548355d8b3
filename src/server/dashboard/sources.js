/* 4. Sources: every imported database with its publisher, licence, snapshot, import time and records, and the
 * documents (the report, the works it cites, the papers databases point to) counted and listed folded. */
import { element } from './dom.js';
import { number } from './format.js';
import { panel, runForPanel } from './panel.js';
import { linked } from './sourceLinks.js';

const sources = panel('sources-panel');

/** An ISO timestamp as a reader takes it: "2026-12-05 09:16 UTC". */
function timestamp(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function drawSources(all) {
  const byName = (a, b) => a.name.localeCompare(b.name);
  const databases = all.filter((source) => source.sourceKind === 'DATABASE').sort(byName);
  const documents = all.filter((source) => source.sourceKind !== 'DATABASE').sort(byName);

  const body = document.querySelector('#databases tbody');
  body.textContent = '';
  for (const source of databases) {
    const row = element('tr');
    row.dataset.id = source.id;
    const name = element('td', 'name');
    name.append(linked(source.name, source.url));
    row.append(
      name,
      element('td', 'publisher', source.publisher || ''),
      element('td', 'license', source.license || 'unknown'),
      element('td', 'snapshot', source.snapshotOn || ''),
      element('td', 'imported', timestamp(source.importedAt)),
      element('td', 'records', source.records === null ? '' : number.format(source.records)),
    );
    row.querySelector('.imported').title = source.importedAt || '';
    body.append(row);
  }
  if (databases.length === 0) {
    const row = element('tr');
    const cell = element('td', 'hint', 'No database is imported: the graph holds the documents alone.');
    cell.colSpan = 6;
    row.append(cell);
    body.append(row);
  }

  const folded = document.getElementById('documents');
  folded.dataset.count = String(documents.length);
  folded.querySelector('summary').textContent =
    `${number.format(documents.length)} documents: reports, articles and papers cited`;
  const list = folded.querySelector('ul');
  list.textContent = '';
  for (const source of documents) {
    const item = element('li');
    item.dataset.id = source.id;
    const details = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
    item.append(linked(source.name, source.url), details ? ` (${details})` : '');
    list.append(item);
  }
}

/** Loads every source and shows the databases in a table, the documents folded. */
export function startSources() {
  runForPanel(sources, 'Sources', {}, (data) => drawSources(data.sources));
}
