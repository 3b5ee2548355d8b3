import { listStatement, RelationPlan } from '../src/repositories/entityRepository';

const plan: RelationPlan = {
  properties: ['id', 'name'],
  nested: [{ key: 'developers', name: 'FoundationModel.developers', plan: { properties: ['id'], nested: [] } }],
};
const ORDER = 'n.parameters IS NULL, n.parameters DESC, n.name, n.id';

describe('list statements', () => {
  it('keep only the lines of the filters given', () => {
    const text = listStatement('models', ['minParameters'], ORDER, plan, false);
    expect(text).toContain('n.parameters >= $minParameters');
    for (const parameter of ['$developer', '$access', '$releasedFrom', '$releasedTo'])
      expect(text).not.toContain(parameter);
    const all = listStatement(
      'models',
      ['developer', 'access', 'minParameters', 'releasedFrom', 'releasedTo'],
      ORDER,
      plan,
      false,
    );
    for (const parameter of ['$developer', '$access', '$minParameters', '$releasedFrom', '$releasedTo'])
      expect(all).toContain(parameter);
  });

  it('anchor a partnership list on its company when one is given', () => {
    expect(listStatement('partnerships', ['company'], 'n.name, n.id', plan, false)).toMatch(
      /MATCH \(:Company \{id: \$company\}\)-\[:PARTY_TO\]->\(n\)/,
    );
    expect(listStatement('partnerships', [], 'n.name, n.id', plan, false)).not.toContain('PARTY_TO');
  });

  it('count every match only when totalCount is read, and cut the page while ordering', () => {
    const counted = listStatement('companies', [], 'n.name, n.id', plan, true);
    const uncounted = listStatement('companies', [], 'n.name, n.id', plan, false);
    expect(counted).toContain('count(DISTINCT n) AS total');
    expect(uncounted).not.toContain('count(');
    expect(uncounted).toContain('RETURN null AS total');
    for (const text of [counted, uncounted])
      expect(text).toMatch(/ORDER BY n\.name, n\.id\s+SKIP \$skip LIMIT \$limit/);
  });

  it('read the planned properties and the relations below in the same statement', () => {
    const text = listStatement('models', [], ORDER, plan, false);
    expect(text).toMatch(
      /RETURN null AS total, n \{ \.id, \.name, __n0: COLLECT \{\s+MATCH \(n\)<-\[r1:DEVELOPS\]-\(m1:Company\)/,
    );
    expect(text).toContain('RETURN m1 { .id }');
    // Relationship properties only where the API serves them (a party's role).
    expect(text).not.toContain('properties(');
    const parties: RelationPlan = {
      properties: ['id'],
      nested: [{ key: 'parties', name: 'Partnership.parties', plan: { properties: ['id', 'name'], nested: [] } }],
    };
    expect(listStatement('partnerships', [], 'n.name, n.id', parties, false)).toContain(
      'RETURN m1 { .id, .name, __rel: r1 { .role } }',
    );
  });

  it('drop duplicates only where a pattern can meet an entity twice', () => {
    expect(listStatement('models', ['minParameters'], ORDER, plan, false)).toMatch(/WITH n\s+ORDER BY/);
    expect(listStatement('models', ['developer'], ORDER, plan, false)).toMatch(/WITH DISTINCT n\s+ORDER BY/);
  });

  it('give the same text for the same shape, whatever order the filters come in', () => {
    expect(listStatement('services', ['model', 'provider'], 'n.name, n.id', plan, true)).toBe(
      listStatement('services', ['provider', 'model'], 'n.name, n.id', plan, true),
    );
  });
});
