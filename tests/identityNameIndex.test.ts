import { NameIndex, type KnownEntity } from '../src/identity/nameIndex';

const known: KnownEntity[] = [
  { id: 'google', label: 'Company', name: 'Google', aliases: ['Alphabet'] },
  { id: 'google-deepmind', label: 'Company', name: 'Google DeepMind' },
  { id: 'meta', label: 'Company', name: 'Meta', aliases: ['Facebook'] },
  { id: 'meta-ai', label: 'Company', name: 'Meta AI' },
  { id: 'acme-labs', label: 'Company', name: 'Acme Labs' },
  { id: 'acme-labs-inc', label: 'Company', name: 'ACME-Labs Inc.' },
  { id: 'old-co', label: 'Company', name: 'Old Co', retired: true },
  { id: 'gpt-4', label: 'FoundationModel', name: 'GPT-4' },
  { id: 'palm-2', label: 'FoundationModel', name: 'PaLM 2', aliases: ['PaLM-2'] },
  { id: 'command-r', label: 'FoundationModel', name: 'Command R' },
  { id: 'report', label: 'Source', name: 'The report' },
];

const curated = {
  entries: [{ id: 'meta-ai', label: 'Company', names: ['Facebook AI'], at: 'aliases.yaml:1' }],
  distinct: [{ names: ['Command R', 'Command R+'], at: 'aliases.yaml:5' }],
};

describe('NameIndex.resolve', () => {
  const index = new NameIndex(known, curated);

  it('says how a name resolved: an exact id, name or alias', () => {
    expect(index.resolve('Company', 'google')).toEqual({ how: 'id', id: 'google' });
    expect(index.resolve('Company', 'Google')).toEqual({ how: 'name', id: 'google' });
    expect(index.resolve('Company', ' Alphabet ')).toEqual({ how: 'alias', id: 'google' });
  });

  it('finds a normalised name: case, punctuation, legal suffixes, spaces', () => {
    expect(index.resolve('Company', 'Google Deepmind')).toEqual({ how: 'normalised', id: 'google-deepmind' });
    expect(index.resolve('Company', 'Google, Inc.')).toEqual({ how: 'normalised', id: 'google' });
    expect(index.resolve('FoundationModel', 'PaLM2')).toEqual({ how: 'normalised', id: 'palm-2' });
  });

  it('lets a curated alias win over every other rule', () => {
    expect(index.resolve('Company', 'Facebook AI')).toEqual({ how: 'curated', id: 'meta-ai' });
    expect(index.resolve('Company', 'facebook-ai')).toEqual({ how: 'curated', id: 'meta-ai' });
  });

  it('keeps ambiguity per label and never guesses: every candidate, no id', () => {
    expect(index.resolve('Company', 'Acme Labs, Inc')).toEqual({
      how: 'ambiguous',
      ids: ['acme-labs', 'acme-labs-inc'],
    });
    expect(index.resolve('FoundationModel', 'Google')).toEqual({ how: 'new', id: 'google-2' });
  });

  it('says retired for a retired entity, whatever rule found it', () => {
    expect(index.resolve('Company', 'Old Co')).toEqual({ how: 'retired', id: 'old-co' });
    expect(index.resolve('Company', 'old-co')).toEqual({ how: 'retired', id: 'old-co' });
  });

  it('keeps distinct names apart that the normalisation would merge', () => {
    expect(index.resolve('FoundationModel', 'Command R+')).toEqual({ how: 'new', id: 'command-r-2' });
    expect(new NameIndex(known).resolve('FoundationModel', 'Command R+')).toEqual({
      how: 'normalised',
      id: 'command-r',
    });
  });

  it('gives a new name a slug no entity of any label has', () => {
    expect(index.resolve('FoundationModel', 'GPT-4o')).toEqual({ how: 'new', id: 'gpt-4o' });
    expect(index.resolve('Company', 'Report')).toEqual({ how: 'new', id: 'report-2' });
    expect(index.resolve('Company', '카카오')).toEqual({ how: 'new', id: 'company' });
  });

  it('refuses an empty name', () => {
    expect(() => index.resolve('Company', '  ')).toThrow('empty name');
  });
});

describe('NameIndex.register', () => {
  it('makes later records with the same or an equal name resolve to the new entity', () => {
    const index = new NameIndex(known);
    const first = index.resolve('Company', 'Stability AI');
    expect(first).toEqual({ how: 'new', id: 'stability-ai' });
    index.register({ id: 'stability-ai', label: 'Company', name: 'Stability AI' });
    expect(index.resolve('Company', 'Stability AI')).toEqual({ how: 'name', id: 'stability-ai' });
    expect(index.resolve('Company', 'Stability AI Ltd')).toEqual({ how: 'normalised', id: 'stability-ai' });
    expect(index.resolve('Company', 'Stability-AI')).toEqual({ how: 'normalised', id: 'stability-ai' });
    expect(index.resolve('Company', 'Stable AI')).toEqual({ how: 'new', id: 'stable-ai' });
  });

  it('adds names to a known id, and refuses an id known under another label', () => {
    const index = new NameIndex(known);
    index.register({ id: 'gpt-4', label: 'FoundationModel', name: 'GPT-4', aliases: ['gpt4-0314'] });
    expect(index.resolve('FoundationModel', 'gpt4-0314')).toEqual({ how: 'alias', id: 'gpt-4' });
    expect(() => index.register({ id: 'gpt-4', label: 'Company', name: 'GPT-4 Inc' })).toThrow(
      '"gpt-4" is already a FoundationModel, not a Company',
    );
  });

  it('takes a new id before the slug of a later name', () => {
    const index = new NameIndex(known);
    index.register({ id: 'gpt-4o', label: 'FoundationModel', name: 'GPT-4o' });
    expect(index.resolve('Company', 'GPT 4o')).toEqual({ how: 'new', id: 'gpt-4o-2' });
  });
});
