import { compactKey, nameKeys, normalizeName, slugify, uniqueSlug } from '../src/identity/normalizeName';

describe('normalizeName', () => {
  it('removes accents through NFKD, and spacing accents a PDF left beside their letter', () => {
    expect(normalizeName('Université de Montréal')).toBe('universite de montreal');
    expect(normalizeName('Ecole Polytechnique F´ed´erale de Lausanne')).toBe(
      'ecole polytechnique federale de lausanne',
    );
    expect(normalizeName('ＧＰＴ－４')).toBe('gpt 4');
  });

  it('lower-cases, reads & as "and" and collapses spaces', () => {
    expect(normalizeName('  Jobis &  Villains ')).toBe('jobis and villains');
    expect(normalizeName('NVIDIA')).toBe(normalizeName('Nvidia'));
  });

  it('reads punctuation, hyphens and underscores as spaces, so PaLM-2 is PaLM 2 and GPT-3 is GPT 3', () => {
    expect(normalizeName('PaLM-2')).toBe(normalizeName('PaLM 2'));
    expect(normalizeName('GPT-3')).toBe(normalizeName('GPT 3'));
    expect(normalizeName('gpt_neox-20b')).toBe('gpt neox 20b');
    expect(normalizeName('Mila - Quebec AI')).toBe('mila quebec ai');
  });

  it('drops apostrophes and keeps a dot between digits: versions differ by it', () => {
    expect(normalizeName("Huawei Noah's Ark Lab")).toBe('huawei noahs ark lab');
    expect(normalizeName('Huawei Noah’s Ark Lab')).toBe('huawei noahs ark lab');
    expect(normalizeName('GPT-3.5 Turbo')).toBe('gpt 3.5 turbo');
    expect(normalizeName('ERNIE 3.0 Titan.')).toBe('ernie 3.0 titan');
  });
});

describe('nameKeys', () => {
  it('drops legal suffixes at the end of an organisation, one or several', () => {
    expect(nameKeys('Cerebras Systems, Inc.', 'organisation')).toContain('cerebras systems');
    expect(nameKeys('Samsung Electronics Co., Ltd.', 'organisation')).toContain('samsung electronics');
    for (const suffix of ['LLC', 'Corp.', 'Corporation', 'GmbH', 'AG', 'S.A.', 'PLC', 'Limited', 'Company'])
      expect(nameKeys(`Acme ${suffix}`, 'organisation')).toContain('acme');
  });

  it('keeps a legal word inside a name and does not strip a model', () => {
    expect(nameKeys('Co-Reasoner Labs', 'organisation')).toEqual(['co reasoner labs']);
    expect(nameKeys('Acme Inc', 'model')).toEqual(['acme inc']);
  });

  it('gives a bracketed acronym both forms, with what follows the bracket', () => {
    expect(nameKeys('Carnegie Mellon University (CMU)', 'organisation')).toEqual([
      'carnegie mellon university cmu',
      'carnegie mellon university',
      'cmu',
    ]);
    expect(nameKeys('University of California (UC) Berkeley', 'organisation')).toContain('uc berkeley');
    expect(nameKeys('University of California (UC) Berkeley', 'organisation')).toContain(
      'university of california berkeley',
    );
  });

  it('drops any other bracket of an organisation, and splits names joined by " / "', () => {
    expect(nameKeys('KE Holdings Inc. (“Beike”)', 'organisation')).toContain('ke holdings');
    expect(nameKeys('Beijing Academy of Artificial Intelligence / BAAI', 'organisation')).toEqual(
      expect.arrayContaining(['baai', 'beijing academy of artificial intelligence']),
    );
  });

  it("keeps a model's parenthesised size", () => {
    expect(nameKeys('Qwen2.5-Coder (32B)', 'model')).toEqual(['qwen2.5 coder 32b']);
    expect(nameKeys('Qwen2.5-Coder (7B)', 'model')).not.toEqual(nameKeys('Qwen2.5-Coder (32B)', 'model'));
  });
});

describe('compactKey', () => {
  it('drops spaces except between two digits', () => {
    expect(compactKey('open ai')).toBe(compactKey('openai'));
    expect(compactKey('palm 2')).toBe('palm2');
    expect(compactKey('llama 2 7b')).toBe('llama2 7b');
    expect(compactKey('llama 27b')).toBe('llama27b');
  });
});

describe('slugify', () => {
  it('makes the lowercase ASCII slug of DESIGN section 1', () => {
    expect(slugify('ERNIE 3.0 Titan')).toBe('ernie-3-0-titan');
    expect(slugify('HyperCLOVA X')).toBe('hyperclova-x');
    expect(slugify('SK hynix')).toBe('sk-hynix');
    expect(slugify('PanGu-α')).toBe('pangu-alpha');
    expect(slugify('PanGu-Σ')).toBe('pangu-sigma');
    expect(slugify('Jobis & Villains')).toBe('jobis-and-villains');
    expect(slugify('Université de Montréal')).toBe('universite-de-montreal');
    expect(slugify('네이버')).toBe('');
  });

  it('cuts a long name at a word, below the id length limit', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug).toMatch(/^word(-word)+$/);
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3 ... to a taken slug, and falls back to a word for a name without Latin letters', () => {
    const taken = new Set(['gpt-4', 'gpt-4-2', 'company']);
    expect(uniqueSlug('GPT-4', 'foundation-model', (id) => taken.has(id))).toBe('gpt-4-3');
    expect(uniqueSlug('카카오', 'company', (id) => taken.has(id))).toBe('company-2');
  });
});
