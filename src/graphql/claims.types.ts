import { Field, ObjectType } from 'type-graphql';
import { connection } from './connection.types';
import { Entity, Source } from './entity.types';
import { Confidence } from './enums';

@ObjectType('Claim', { description: "One source's statement of one field of one entity.", simpleResolvers: true })
export class Claim {
  @Field(() => String, {
    description: "The API's name of the field: parameters, releasedOn, trainingComputeFlop, country, developers, ...",
  })
  field!: string;

  @Field(() => String, { description: 'The claimed value as JSON text: a number, a string, or a list of entity ids.' })
  value!: string;

  @Field(() => Source)
  source!: Source;

  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => Boolean, { description: "True for the one claim whose value the entity's field shows." })
  preferred!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The source's own explanation of the claim where it gives one (how an estimate was made, what a figure " +
      'counts); null otherwise.',
  })
  note?: string | null;
}

@ObjectType('Conflict', { description: 'A field on which the sources disagree.', simpleResolvers: true })
export class Conflict {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => String)
  field!: string;

  @Field(() => [Claim], { description: 'Every claim on that field, preferred first.' })
  claims!: Claim[];
}

export const ConflictConnection = connection('ConflictConnection', Conflict);
