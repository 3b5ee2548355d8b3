import { documentationText } from '../../bench/support';

/** One printed example of the README: its title (the query's comment), the query and the answer printed. */
export interface ReadmeExample {
  title: string;
  query: string;
  printed: unknown;
}

/** Every example between `<!-- <marker>:start -->` and `<!-- <marker>:end -->` in the README and docs/. */
export function readmeExamples(marker: string): ReadmeExample[] {
  const readme = documentationText();
  const section = [...readme.matchAll(new RegExp(`<!-- ${marker}:start -->([\\s\\S]*?)<!-- ${marker}:end -->`, 'g'))]
    .map((block) => block[1])
    .join('\n');
  return [...section.matchAll(/```graphql\n((?:#.*\n)*)([\s\S]*?)\n```\n```json\n([\s\S]*?)\n```/g)].map((match) => ({
    title: match[1].replace(/^# /, '').trim(),
    query: match[2],
    printed: JSON.parse(match[3]) as unknown,
  }));
}

/** Rounds every non-integer number to 4 decimals, as the README prints them. */
export function rounded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value;
}
