/**
 * Type definitions for the Neo4j GraphQL Library (@neo4j/graphql 7) over the same labels, relationship types and
 * properties as our API (DESIGN.md §1), limited to what the compared queries read.
 */
export const libraryTypeDefs = /* GraphQL */ `
  type Company @node {
    id: ID!
    name: String!
    nameKo: String
    country: String
    marketCapUsdBn: Float
    models: [FoundationModel!]! @relationship(type: "DEVELOPS", direction: OUT)
    services: [Service!]! @relationship(type: "PROVIDES", direction: OUT)
    partnerships: [Partnership!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "PartyTo")
    stages: [ValueChainStage!]! @relationship(type: "PARTICIPATES_IN", direction: OUT)
  }

  type ValueChainStage @node {
    id: ID!
    name: String!
  }

  type FoundationModel @node {
    id: ID!
    name: String!
    parameters: Float
    parametersNote: String
    releasedOn: String
    developers: [Company!]! @relationship(type: "DEVELOPS", direction: IN)
    services: [Service!]! @relationship(type: "BUILT_ON", direction: IN)
  }

  type Service @node {
    id: ID!
    name: String!
    nameKo: String
    providers: [Company!]! @relationship(type: "PROVIDES", direction: IN)
    models: [FoundationModel!]! @relationship(type: "BUILT_ON", direction: OUT)
  }

  type Partnership @node {
    id: ID!
    name: String!
    kind: String!
    announcedOn: String
    valueUsd: Float
    parties: [Company!]! @relationship(type: "PARTY_TO", direction: IN, properties: "PartyTo")
  }

  type PartyTo @relationshipProperties {
    role: String!
  }
`;
