/** The domain's enumerations registered as the API's enum types, with the descriptions the API gives them. */
import { registerEnumType } from 'type-graphql';
import { GRAPH } from '../domain/graphModel';
import * as domain from '../domain/enums';

export {
  ConcentrationGroup,
  ConcentrationLevel,
  ConcentrationMeasure,
  Confidence,
  EntityKind,
  ModelAccess,
  ModelOrder,
  PartnershipKind,
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
registerEnumType(domain.ModelOrder, { name: 'ModelOrder' });
registerEnumType(domain.ConcentrationMeasure, {
  name: 'ConcentrationMeasure',
  valuesConfig: {
    MODELS: { description: 'Foundation models developed; a co-developed model is split equally among its developers.' },
    SERVICES: {
      description: "Services built on the group's models (each service counted once per group it depends on).",
    },
    MARKET_CAP: { description: 'Market capitalisation of the participants.' },
    ADOPTERS: { description: "Companies adopting the group's models." },
  },
});
registerEnumType(domain.ConcentrationGroup, {
  name: 'ConcentrationGroup',
  valuesConfig: {
    BLOC: {
      description:
        `Companies tied by ${inProse(GRAPH.blocKinds)} partnerships count as one bloc ` +
        '(e.g. Microsoft with OpenAI).',
    },
  },
});
registerEnumType(domain.ConcentrationLevel, { name: 'ConcentrationLevel' });
