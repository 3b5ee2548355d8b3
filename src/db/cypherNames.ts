/** Given a query template, puts a label or relationship type in place of its placeholder, from an allow-list only. */
export function withName(template: string, placeholder: string, name: string, allowed: readonly string[]): string {
  // Labels and types cannot be parameters, so they go into the text: only names the model defines may.
  if (!allowed.includes(name)) throw new Error(`"${name}" is not an allowed ${placeholder} name`);
  return template.replaceAll(placeholder, name);
}
