import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GRAPH } from '../domain/graphModel';
import type { LinkKind as GraphLinkKind } from '../domain/linkKinds';
import { Entity } from './entity.types';
import { Confidence, ModelAccess, PartnershipKind } from './enums';
import { linkKindEnumOf } from './linkKindEnum';
import { PartialDate } from './scalars';

const LINK_KIND = linkKindEnumOf(GRAPH);

/** A relationship an editor may add: the editable relationship types of GRAPH. */
export const LinkKind = LINK_KIND.values as { readonly [K in GraphLinkKind]: K };
export type LinkKind = GraphLinkKind;
registerEnumType(LinkKind, { name: 'LinkKind', description: LINK_KIND.description });

@InputType()
export class CompanyInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameKo?: string | null;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => Float, { nullable: true }) marketCapUsdBn?: number | null;
  @Field(() => PartialDate, { nullable: true }) marketCapAsOf?: string | null;
  @Field(() => Boolean, { nullable: true }) comparisonOnly?: boolean | null;
  @Field(() => [ID]) sourceIds!: string[];
}

@InputType()
export class ModelInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameKo?: string | null;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => [ID]) developerIds!: string[];
  @Field(() => Float, { nullable: true }) parameters?: number | null;
  @Field(() => String, { nullable: true }) parametersNote?: string | null;
  @Field(() => PartialDate, { nullable: true }) releasedOn?: string | null;
  @Field(() => ModelAccess, { nullable: true }) access?: ModelAccess | null;
  @Field(() => [ID]) sourceIds!: string[];
}

@InputType()
export class ServiceInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameKo?: string | null;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [ID]) providerIds!: string[];
  @Field(() => [ID], { nullable: true }) modelIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) industryIds?: string[] | null;
  @Field(() => PartialDate, { nullable: true }) launchedOn?: string | null;
  @Field(() => [ID]) sourceIds!: string[];
}

@InputType()
export class PartyInput {
  @Field(() => ID) company!: string;
  @Field(() => String) role!: string;
}

@InputType()
export class PartnershipInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => PartnershipKind) partnershipKind!: PartnershipKind;
  @Field(() => [PartyInput]) parties!: PartyInput[];
  @Field(() => PartialDate, { nullable: true }) announcedOn?: string | null;
  @Field(() => Float, { nullable: true }) valueUsd?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.REPORTED }) confidence?: Confidence | null;
  @Field(() => [ID]) sourceIds!: string[];
}

@InputType()
export class SourceInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => PartialDate, { nullable: true }) publishedOn?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

@ObjectType()
export class MutationResult {
  @Field(() => Entity, { nullable: true, description: 'The entity as it now is (null after retire).' })
  entity!: Entity | null;

  @Field(() => Boolean, { description: 'False when the mutation found everything already as asked.' })
  changed!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The history record this mutation wrote (null when nothing changed).',
  })
  historyId!: string | null;
}

@ObjectType()
export class HistoryRecord {
  @Field(() => ID) id!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => String, { description: 'ISO-8601 timestamp.' }) at!: string;
  @Field(() => String, { description: 'The name of the API key that made the change (shown only to editors).' })
  by!: string;
  @Field(() => String, { description: 'CREATE, UPDATE, LINK, RETIRE or RESTORE.' }) action!: string;
  @Field(() => String, { nullable: true, description: 'JSON of the changed properties before and after.' }) before!:
    string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}
