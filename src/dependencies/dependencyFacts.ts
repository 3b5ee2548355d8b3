import type { GraphModel } from '../domain/graphModel';

/** One kind of fact that makes `a` depend on `b`: the DEPENDS_ON relation it derives and its pattern, `r` the fact. */
export interface RelationshipFact {
  relation: string;
  /** `(a:Service)-[r:BUILT_ON]->(b:FoundationModel)`: always from the dependent `a` to what it depends on, `b`. */
  pattern: string;
  /** The fact may link an entity to itself, which makes no dependency: `a <> b` must be asked. */
  reflexive: boolean;
}

/**
 * The facts a model's dependencies derive from: one per relationship type with a `dependency`, and the parties of a
 * partnership (see partiesPattern) when the model has partnership rules.
 */
export interface DependencyFacts {
  relationships: RelationshipFact[];
  /** Parties (nodes of `label`) reach a partnership (a node of `partnership`) by `type`, with a role. */
  party?: { label: string; partnership: string; type: string };
  /** The labels of every node that may depend on another. */
  dependentLabels: string[];
}

/** Labels and types go into the Cypher text; a model's names must be plain identifiers to be put there. */
function name(text: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) throw new Error(`"${text}" is not a name Cypher text may hold`);
  return text;
}

/** Given a model, returns the facts its DEPENDS_ON relationships derive from, as Cypher patterns. */
export function dependencyFacts(model: GraphModel): DependencyFacts {
  const relationships = Object.entries(model.relationships).flatMap(([type, spec]): RelationshipFact[] => {
    if (!spec.dependency) return [];
    const edge = `-[r:${name(type)}]->`;
    const pattern =
      spec.dependency.dependent === 'from'
        ? `(a:${name(spec.from)})${edge}(b:${name(spec.to)})`
        : `(b:${name(spec.from)})${edge}(a:${name(spec.to)})`;
    return [{ relation: name(spec.dependency.relation), pattern, reflexive: spec.reflexive === true }];
  });
  // A partnership's parties reach it by the one relationship that gives each party a role.
  const partyTo = Object.entries(model.relationships).find(([, spec]) => spec.properties?.includes('role'));
  const party =
    partyTo && model.partnershipDependencies.length > 0
      ? { label: name(partyTo[1].from), partnership: name(partyTo[1].to), type: name(partyTo[0]) }
      : undefined;
  const dependentLabels = [
    ...new Set([
      ...Object.values(model.relationships).flatMap((spec) =>
        spec.dependency ? [spec.dependency.dependent === 'from' ? spec.from : spec.to] : [],
      ),
      ...(party ? [party.label] : []),
    ]),
  ].map(name);
  return { relationships, party, dependentLabels };
}

/**
 * Given a model's party relationship, returns the pattern of two parties of one partnership:
 * `(a:Company)-[ra:PARTY_TO]->(p:Partnership)<-[rb:PARTY_TO]-(b:Company)`, with the property maps given and `turn`
 * (a line break, say) before its second half.
 */
export function partiesPattern(
  party: NonNullable<DependencyFacts['party']>,
  maps: { ra?: string; p?: string; rb?: string } = {},
  turn = '',
): string {
  const map = (text: string | undefined) => (text === undefined ? '' : ` ${text}`);
  const { label, partnership, type } = party;
  return (
    `(a:${label})-[ra:${type}${map(maps.ra)}]->(p:${partnership}${map(maps.p)})${turn}` +
    `<-[rb:${type}${map(maps.rb)}]-(b:${label})`
  );
}
