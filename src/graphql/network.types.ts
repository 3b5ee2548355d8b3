import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { EntityRow } from '../repositories/entityRepository';
import { Confidence, EntityKind, PartnershipKind } from './enums';
import { PartialDate } from './scalars';

@ObjectType('NetworkNode')
export class NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true, description: "The company's Korean name (nameKo), where the graph has one." })
  labelKo?: string | null;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String, { nullable: true, description: "Grouping for colour: the company's country." })
  group?: string | null;

  @Field(() => Float, { description: 'Degree in this network.' })
  size!: number;
}

@ObjectType('NetworkEdge')
export class NetworkEdge {
  @Field(() => ID, { description: '<partnership id>:<source>:<target>.' })
  id!: string;

  @Field(() => ID, {
    description:
      'The giving party (investor, licensor, supplier, acquirer) where roles say so; otherwise the first id.',
  })
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => ID, { description: 'The partnership (deal) the edge stands for.' })
  partnershipId!: string;

  @Field(() => PartnershipKind)
  partnershipKind!: PartnershipKind;

  @Field(() => String, { description: "The deal's name." })
  name!: string;

  @Field(() => PartialDate, { nullable: true, description: 'Null when no source dates the deal.' })
  announcedOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'Value of the deal in US dollars; null when not disclosed.' })
  valueUsd?: number | null;

  @Field(() => Confidence, { description: 'UNCERTAIN where the source hedges or contradicts itself: draw it dashed.' })
  confidence!: Confidence;

  /** The partnership itself, with its sources and description: NetworkEdgeResolver loads it when asked for. */
  partnership?: EntityRow;

  @Field(() => Float, { description: 'One per partnership: parallel partnerships are parallel edges.' })
  weight!: number;
}

@ObjectType('Network')
export class Network {
  @Field(() => [NetworkNode], { description: 'Largest first.' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];
}
