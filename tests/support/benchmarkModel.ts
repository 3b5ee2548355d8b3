import type { EntityKind } from '../../src/domain/enums';
import { GRAPH, type GraphModel } from '../../src/domain/graphModel';

/**
 * GRAPH plus one label and one relationship type, as a contributor would add them: benchmarks, and the models
 * evaluated on them (an editable fact that makes a model depend on its benchmark).
 */
export const BENCHMARK_MODEL: GraphModel = {
  ...GRAPH,
  labels: {
    ...GRAPH.labels,
    Benchmark: {
      // The API would serve it with an EntityKind of its own; nothing these tests derive reads the kind.
      kind: 'BENCHMARK' as EntityKind,
      file: 'benchmarks.yaml',
      cited: true,
      properties: {
        name: { type: { kind: 'string' }, required: true },
        confidence: GRAPH.labels.Company.properties.confidence,
      },
    },
  },
  relationships: {
    ...GRAPH.relationships,
    EVALUATED_ON: {
      from: 'FoundationModel',
      to: 'Benchmark',
      fields: { out: 'benchmarks', in: 'evaluatedModels' },
      seed: { on: 'from', field: 'benchmarks', required: false },
      dependency: { dependent: 'from', relation: 'EVALUATED_ON' },
      editable: true,
    },
  },
};
