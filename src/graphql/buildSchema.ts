import 'reflect-metadata';
import { GraphQLSchema, assertInterfaceType } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import {
  CompanyResolver,
  ComputeHoldingResolver,
  DatasetResolver,
  EntityResolver,
  ModelOfferResolver,
  FoundationModelResolver,
  IndustryResolver,
  PartnershipResolver,
  ServiceResolver,
  SourceResolver,
  ValueChainStageResolver,
} from './entity.resolvers';
import { ClaimResolver, ConflictResolver, ConflictsResolver } from './claims.resolver';
import {
  Company,
  Dataset,
  entityTypeName,
  FoundationModel,
  Industry,
  Partnership,
  Service,
  Source,
  ValueChainStage,
} from './entity.types';
import { CurationResolver } from './curation.resolver';
import {
  AnalyticsResolver,
  ConcentrationResolver,
  DependencyGraphResolver,
  DependencyStepResolver,
  RemovalImpactResolver,
} from './analytics.resolver';
import { ExportResolver } from './export.resolver';
import { NetworkEdgeResolver, NetworkResolver } from './network.resolver';
import { QueryResolver } from './query.resolver';

let schema: GraphQLSchema | undefined;

/** Returns the executable schema (built once): every type and resolver of the API. */
export function buildSchema(): GraphQLSchema {
  if (schema) return schema;
  schema = buildSchemaSync({
    resolvers: [
      QueryResolver,
      ConflictsResolver,
      AnalyticsResolver,
      ConcentrationResolver,
      NetworkResolver,
      NetworkEdgeResolver,
      CurationResolver,
      ExportResolver,
      DependencyGraphResolver,
      DependencyStepResolver,
      RemovalImpactResolver,
      EntityResolver,
      SourceResolver,
      ClaimResolver,
      ConflictResolver,
      CompanyResolver,
      FoundationModelResolver,
      ServiceResolver,
      ValueChainStageResolver,
      IndustryResolver,
      PartnershipResolver,
      DatasetResolver,
      ModelOfferResolver,
      ComputeHoldingResolver,
    ],
    orphanedTypes: [Source, Company, FoundationModel, Service, ValueChainStage, Industry, Partnership, Dataset],
    validate: false,
  });
  // TypeGraphQL wraps the interface's resolveType in an async function; compiled execution needs it synchronous.
  assertInterfaceType(schema.getType('Entity')).resolveType = entityTypeName;
  return schema;
}
