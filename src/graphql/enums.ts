/** The domain's enumerations registered as the API's enum types, with the descriptions the API gives them. */
import { registerEnumType } from 'type-graphql';
import { GRAPH } from '../domain/graphModel';
import * as domain from '../domain/enums';

export {
  ConcentrationGroup,
  ConcentrationLevel,
  ConcentrationMeasure,
  Confidence,
  DatasetOrder,
  EntityKind,
  ModelAccess,
  ModelOrder,
  PartnershipKind,
  SourceKind,
  StageLayer,
} from '../domain/enums';

/** Names in prose: "A, B or C". */
const inProse = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

registerEnumType(domain.EntityKind, { name: 'EntityKind' });
registerEnumType(domain.ModelAccess, {
  name: 'ModelAccess',
  description: 'How openly a foundation model is released.',
});
registerEnumType(domain.PartnershipKind, { name: 'PartnershipKind' });
registerEnumType(domain.Confidence, {
  name: 'Confidence',
  description: 'How firmly the cited sources state a fact. UNCERTAIN: the source itself hedges it.',
});
registerEnumType(domain.StageLayer, { name: 'StageLayer' });
registerEnumType(domain.SourceKind, {
  name: 'SourceKind',
  description:
    'DOCUMENT: a report, article, filing or web page. DATABASE: an external database, imported as a snapshot.',
});
registerEnumType(domain.ModelOrder, { name: 'ModelOrder' });
registerEnumType(domain.DatasetOrder, {
  name: 'DatasetOrder',
  valuesConfig: {
    NAME: { description: 'By name.' },
    MODELS_DESC: { description: 'The data sets the most models are trained on first (TRAINED_ON), then by name.' },
  },
});
registerEnumType(domain.ConcentrationMeasure, {
  name: 'ConcentrationMeasure',
  valuesConfig: {
    MODELS: { description: 'Foundation models developed; a co-developed model is split equally among its developers.' },
    SERVICES: {
      description: "Services built on the group's models (each service counted once per group it depends on).",
    },
    MARKET_CAP: { description: 'Market capitalisation of the participants.' },
    ADOPTERS: { description: "Companies adopting the group's models." },
    TRAINING_COMPUTE: {
      description:
        "Training compute (FLOP) of the models developed; a co-developed model's compute is split equally " +
        'among its developers, and a model of unknown compute counts zero.',
    },
    HOSTED_MODELS: {
      description:
        'Model offers served by inference providers (one per provider and model); asOf does not apply (offers are ' +
        'as the latest snapshot lists them).',
    },
    COMPUTE: {
      description:
        "AI accelerators owned, in H100-equivalents: each owner's newest estimate per vendor on or before asOf " +
        '(without asOf, the newest), summed over vendors. A partial asOf means the end of its period ("2024" takes ' +
        'an estimate of 2024-12-31). Aggregate owners ("China", "Other") count only by COUNTRY.',
    },
  },
});
registerEnumType(domain.ConcentrationGroup, {
  name: 'ConcentrationGroup',
  description:
    'How participants are grouped. An owner that is an aggregate a database reports (Company.aggregate: a ' +
    "country's owners together, or the remainder) never takes part by COMPANY or BLOC; by COUNTRY a COUNTRY " +
    'aggregate counts for its country and a REMAINDER for none.',
  valuesConfig: {
    COMPANY: { description: 'Each company on its own; aggregate owners take no part.' },
    COUNTRY: {
      description:
        'Companies by country of headquarters; a COUNTRY aggregate counts for its country, a REMAINDER for none.',
    },
    BLOC: {
      description:
        `Companies tied by ${inProse(GRAPH.blocKinds)} partnerships, and a company with its parent ` +
        '(SUBSIDIARY_OF), count as one bloc (e.g. Microsoft with OpenAI, Google with Google DeepMind).',
    },
  },
});
registerEnumType(domain.ConcentrationLevel, {
  name: 'ConcentrationLevel',
  description: 'HHI bands of the US 2023 Merger Guidelines, and NOT_ENOUGH_DATA where no index is meaningful.',
  valuesConfig: {
    UNCONCENTRATED: { description: 'HHI below 1,000.' },
    MODERATE: { description: 'HHI from 1,000 to 1,800.' },
    HIGH: { description: 'HHI above 1,800.' },
    NOT_ENOUGH_DATA: {
      description: 'Fewer than two participants have a value for the measure (enoughData is false): no band applies.',
    },
  },
});
