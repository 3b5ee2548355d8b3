import type { GraphModel } from '../domain/graphModel';
import { dependencyFacts, partiesPattern } from './dependencyFacts';
import type { Statement } from './derivationStatement';

/**
 * Given a model, returns the statement that deletes every DEPENDS_ON whose facts are gone: no fact of its relation
 * joins its ends any more (a DEPENDS_ON of a relation the model does not derive goes too). Returns one row: deleted.
 */
export function staleDependenciesStatement(model: GraphModel): Statement {
  const { relationships, party } = dependencyFacts(model);
  const patterns = new Map<string, string[]>();
  for (const { relation, pattern } of relationships)
    patterns.set(relation, [...(patterns.get(relation) ?? []), pattern]);
  // A partnership's relation: gone when no partnership's parties still make it.
  const partnership = party
    ? `EXISTS {
    MATCH ${partiesPattern(party)}
    WHERE any(rule IN $rules WHERE rule.relation = d.relation AND rule.kind = p.kind AND rule.dependent = ra.role
              AND rule.dependency = rb.role)
  }`
    : undefined;
  const partnershipRelations = new Set(model.partnershipDependencies.map((rule) => rule.relation));
  // A relation that both a relationship and a partnership make (SUPPLIED_BY: a model's training chips, a supply
  // deal) stays while either does.
  const cases = [...patterns].map(([relation, list]) => {
    const facts = list.map((pattern) => `EXISTS { ${pattern} }`);
    if (partnership && partnershipRelations.has(relation)) facts.push(partnership);
    return `  WHEN '${relation}' THEN NOT (${facts.join(' OR ')})`;
  });
  const otherwise = partnership ? `NOT ${partnership}` : 'true';
  const text = `MATCH (a:Entity)-[d:DEPENDS_ON]->(b:Entity)
WHERE CASE d.relation
${cases.join('\n')}
  ELSE ${otherwise}
END
DELETE d
RETURN count(*) AS deleted`;
  return { text, params: { rules: model.partnershipDependencies.map((rule) => ({ ...rule })) } };
}
