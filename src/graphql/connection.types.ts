import { ClassType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Company, Dataset, FoundationModel, Partnership, Service } from './entity.types';
import { ModelAccess, PartnershipKind } from './enums';
import { PartialDate } from './scalars';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

export interface Page<T> {
  nodes: T[];
  /** Null only where the request does not read it (the count is then not made). */
  totalCount: number | null;
  pageInfo: PageInfo;
}

/** Given a connection's name and its node type, returns its object type: { nodes, totalCount, pageInfo }. */
export function connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(name)
  class Connection implements Page<T> {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => Int)
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return Connection;
}

export const CompanyConnection = connection('CompanyConnection', Company);
export const FoundationModelConnection = connection('FoundationModelConnection', FoundationModel);
export const ServiceConnection = connection('ServiceConnection', Service);
export const PartnershipConnection = connection('PartnershipConnection', Partnership);
export const DatasetConnection = connection('DatasetConnection', Dataset);

@InputType('CompanyFilter')
export class CompanyFilter {
  @Field(() => String, { nullable: true })
  country?: string;

  @Field(() => ID, { nullable: true, description: 'Only companies that take part in this value-chain stage.' })
  stage?: string;

  @Field(() => String, { nullable: true })
  nameContains?: string;
}

@InputType('ModelFilter')
export class ModelFilter {
  @Field(() => ID, { nullable: true })
  developer?: string;

  @Field(() => ModelAccess, { nullable: true })
  access?: ModelAccess;

  @Field(() => Float, { nullable: true })
  minParameters?: number;

  @Field(() => PartialDate, { nullable: true })
  releasedFrom?: string;

  @Field(() => PartialDate, { nullable: true })
  releasedTo?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only models with at least one claim from this source: a CLAIM of one of its fields to it, a relationship of ' +
      "the model whose sourceIds name it (its developers, base models, ...), or the model's own sourceIds naming it.",
  })
  source?: string;

  @Field(() => Float, { nullable: true })
  minTrainingComputeFlop?: number;

  @Field(() => ID, { nullable: true, description: 'Only models built from this model.' })
  baseModel?: string;
}

@InputType('ServiceFilter')
export class ServiceFilter {
  @Field(() => ID, { nullable: true })
  provider?: string;

  @Field(() => ID, { nullable: true })
  model?: string;

  @Field(() => ID, { nullable: true })
  industry?: string;
}

@InputType('PartnershipFilter')
export class PartnershipFilter {
  @Field(() => ID, { nullable: true })
  company?: string;

  @Field(() => PartnershipKind, { nullable: true })
  kind?: PartnershipKind;

  @Field(() => PartialDate, { nullable: true })
  from?: string;

  @Field(() => PartialDate, { nullable: true })
  to?: string;
}
