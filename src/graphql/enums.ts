import { registerEnumType } from 'type-graphql';

export enum EntityKind {
  COMPANY = 'COMPANY',
  FOUNDATION_MODEL = 'FOUNDATION_MODEL',
  SERVICE = 'SERVICE',
  STAGE = 'STAGE',
  INDUSTRY = 'INDUSTRY',
  PARTNERSHIP = 'PARTNERSHIP',
  SOURCE = 'SOURCE',
}

export enum ModelAccess {
  OPEN = 'OPEN',
  LIMITED = 'LIMITED',
  CLOSED = 'CLOSED',
}

export enum PartnershipKind {
  INVESTMENT = 'INVESTMENT',
  LICENSING = 'LICENSING',
  SUPPLY = 'SUPPLY',
  CLOUD = 'CLOUD',
  COLLABORATION = 'COLLABORATION',
  ACQUISITION = 'ACQUISITION',
}

export enum Confidence {
  CONFIRMED = 'CONFIRMED',
  REPORTED = 'REPORTED',
  UNCERTAIN = 'UNCERTAIN',
}

export enum StageLayer {
  CORE = 'CORE',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
}

export enum ModelOrder {
  NAME = 'NAME',
  PARAMETERS_DESC = 'PARAMETERS_DESC',
  RELEASED_ON = 'RELEASED_ON',
}

registerEnumType(EntityKind, { name: 'EntityKind' });
registerEnumType(ModelAccess, { name: 'ModelAccess', description: 'How openly a foundation model is released.' });
registerEnumType(PartnershipKind, { name: 'PartnershipKind' });
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How firmly the cited sources state a fact. UNCERTAIN: the source itself hedges it.',
});
registerEnumType(StageLayer, { name: 'StageLayer' });
registerEnumType(ModelOrder, { name: 'ModelOrder' });
