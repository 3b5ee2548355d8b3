/* The page's search box: search(text) over English and Korean names and aliases; a hit focuses its entity in every
 * panel that can show it (the network and the company card, the dependency explorer, the removal impact). */
import { graphql } from './api.js';
import { ENTITY_STYLES } from './colours.js';
import { element } from './dom.js';
import { displayName } from './format.js';

const WALKABLE = ['SERVICE', 'FOUNDATION_MODEL', 'COMPANY', 'DATASET'];

/** Wires the search box; `focus(entity)` shows an entity in the panels. */
export function startFind(focus) {
  const form = document.getElementById('find-form');
  const input = document.getElementById('find');
  const hits = document.getElementById('find-hits');
  let ticket = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const mine = (ticket += 1);
    hits.textContent = '';
    hits.hidden = text === '';
    delete hits.dataset.text;
    if (text === '') return;
    graphql('ExplorerSearch', { text, kinds: WALKABLE }).then(
      (data) => {
        if (mine !== ticket) return;
        hits.dataset.text = text;
        if (data.search.length === 0) hits.append(element('li', 'hint', `Nothing is named "${text}".`));
        for (const { entity } of data.search) {
          const word = ENTITY_STYLES[entity.kind] ? ENTITY_STYLES[entity.kind].word : entity.kind.toLowerCase();
          const button = element('button', '', `${displayName(entity)} · ${word}`);
          button.type = 'button';
          button.dataset.id = entity.id;
          button.addEventListener('click', () => focus(entity));
          const item = element('li');
          item.append(button);
          hits.append(item);
        }
        // One hit is the entity meant: focus it at once.
        if (data.search.length === 1) focus(data.search[0].entity);
      },
      (error) => {
        if (mine === ticket) hits.append(element('li', 'error', `${error.code} ${error.message}`));
      },
    );
  });
}
