/** The prefix of each kind of generated id, so an id says what kind of record it names. */
const PREFIXES = { company: 'syn-co', model: 'syn-model', service: 'syn-svc', partnership: 'syn-deal' } as const;

/** Given a kind and a 0-based position, returns the record's id: syn-co-00001, syn-model-00042, ... */
export function syntheticId(kind: keyof typeof PREFIXES, index: number): string {
  return `${PREFIXES[kind]}-${String(index + 1).padStart(5, '0')}`;
}
