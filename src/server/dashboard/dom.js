/* Small DOM helpers shared by the panels. */

/** An element with a class and text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Replaces a select's options with these ({ value, label, title }). */
export function fillSelect(select, options) {
  select.textContent = '';
  for (const option of options) {
    const node = element('option', '', option.label);
    node.value = option.value;
    if (option.title) node.title = option.title;
    select.append(node);
  }
}
