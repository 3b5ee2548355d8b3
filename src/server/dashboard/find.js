/* The page's search box: search(text) over English and Korean names and aliases; a hit focuses its entity in every
 * panel that can show it (the network and the company card, the dependency explorer). */
import { ENTITY_STYLES } from './colours.js';
import { displayName } from './format.js';
import { listHits } from './hits.js';

const WALKABLE = ['SERVICE', 'FOUNDATION_MODEL', 'COMPANY', 'DATASET'];

/** Wires the search box; `focus(entity)` shows an entity in the panels. */
export function startFind(focus) {
  const input = document.getElementById('find');
  document.getElementById('find-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const found = await listHits(document.getElementById('find-hits'), input.value.trim(), {
      kinds: WALKABLE,
      describe: (entity) =>
        `${displayName(entity)} · ${ENTITY_STYLES[entity.kind] ? ENTITY_STYLES[entity.kind].word : entity.kind}`,
      pick: focus,
      nothing: (text) => `Nothing is named "${text}".`,
    });
    // One hit is the entity meant: focus it at once.
    if (found.length === 1) focus(found[0]);
  });
}
