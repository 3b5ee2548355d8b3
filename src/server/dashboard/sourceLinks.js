/* Sources as the panels write them: names with links a reader opens (never fetched by the page). */
import { element } from './dom.js';

/** A link a reader opens in a new tab, or the text alone when there is no URL. */
export function linked(text, url) {
  if (!url) return document.createTextNode(text);
  const link = element('a', '', text);
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

/** "Sources (2)" and the list of them, each its name and a "link" where it has a URL; nothing without any. */
export function describeSources(sources) {
  if (sources.length === 0) return [];
  const list = element('ul', 'sources');
  for (const source of sources) {
    const item = element('li', '', source.name);
    if (source.url) item.append(' ', linked('link', source.url));
    list.append(item);
  }
  return [element('p', 'sources-title', `Sources (${sources.length})`), list];
}
