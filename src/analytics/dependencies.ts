/**
 * Dependency semantics: "A depends on B" edges, always from the dependent to what it depends on. They are derived
 * from the facts GRAPH names (src/dependencies/derivationStatement.ts) and stored as
 * (a)-[:DEPENDS_ON {relation}]->(b), the only edges the dependency analytics walk.
 */
import { GRAPH, dependencyRelations } from '../domain/graphModel';

/** Every relation a DEPENDS_ON may carry: the relationship-derived ones, then the partnership-derived ones. */
export const DEPENDENCY_RELATIONS: readonly string[] = dependencyRelations(GRAPH);

/** Partnership kinds that merge their parties into one bloc for concentration by BLOC. */
export const BLOC_KINDS = GRAPH.blocKinds;
