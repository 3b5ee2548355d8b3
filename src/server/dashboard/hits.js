/* A search box's hits: search(text, kinds) over English and Korean names and aliases, each hit a button. */
import { graphql } from './api.js';
import { element } from './dom.js';

/** The latest search of each list: only its answer is shown, however the answers arrive. */
const tickets = new WeakMap();

/**
 * Searches for `text` and lists each entity found in the `hits` list as a button (labelled by `describe`) that calls
 * `pick`; an empty text clears the list. Resolves to the entities found (none when the search failed, which the list
 * shows, or when a later search has replaced it).
 */
export async function listHits(hits, text, { kinds = null, describe, pick, nothing }) {
  const mine = (tickets.get(hits) || 0) + 1;
  tickets.set(hits, mine);
  hits.textContent = '';
  hits.hidden = text === '';
  delete hits.dataset.text;
  if (text === '') return [];
  let found;
  try {
    found = (await graphql('ExplorerSearch', { text, kinds })).search.map((hit) => hit.entity);
  } catch (error) {
    if (tickets.get(hits) === mine) hits.append(element('li', 'error', `${error.code} ${error.message}`));
    return [];
  }
  if (tickets.get(hits) !== mine) return [];
  hits.dataset.text = text;
  if (found.length === 0) hits.append(element('li', 'hint', nothing(text)));
  for (const entity of found) {
    const button = element('button', '', describe(entity));
    button.type = 'button';
    button.dataset.id = entity.id;
    button.addEventListener('click', () => pick(entity));
    const item = element('li');
    item.append(button);
    hits.append(item);
  }
  return found;
}
