import type { EntityKind } from '../../src/domain/enums';
import { GRAPH, type GraphModel } from '../../src/domain/graphModel';

/**
 * GRAPH plus one label and one relationship type, as a contributor would add them: datasets, and the models trained
 * on them (an editable fact that makes a model depend on its dataset).
 */
export const DATASET_MODEL: GraphModel = {
  ...GRAPH,
  labels: {
    ...GRAPH.labels,
    Dataset: {
      // The API would serve it with an EntityKind of its own; nothing these tests derive reads the kind.
      kind: 'DATASET' as EntityKind,
      file: 'datasets.yaml',
      cited: true,
      properties: {
        name: { type: { kind: 'string' }, required: true },
        confidence: GRAPH.labels.Company.properties.confidence,
      },
    },
  },
  relationships: {
    ...GRAPH.relationships,
    TRAINED_ON: {
      from: 'FoundationModel',
      to: 'Dataset',
      fields: { out: 'datasets', in: 'trainedModels' },
      seed: { on: 'from', field: 'datasets', required: false },
      dependency: { dependent: 'from', relation: 'TRAINED_ON' },
      editable: true,
    },
  },
};
