import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import {
  Problems,
  checkCompany,
  checkId,
  checkModel,
  checkPartnership,
  checkReason,
  checkService,
  checkSource,
  checkSources,
} from '../curation/validateInput';
import { GRAPH, type Label } from '../domain/graphModel';
import { linkKindsOf, type LinkKindSpec } from '../domain/linkKinds';
import type { MutationOutcome, UpsertPlan } from '../repositories/curationRepository';
import type { Context } from './context';
import {
  CompanyInput,
  HistoryRecord,
  LinkKind,
  ModelInput,
  MutationResult,
  PartnershipInput,
  ServiceInput,
  SourceInput,
} from './curation.types';
import { userError } from './errors';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { fieldsOf } from './selectionPlan';

/** The ends of each link kind: (from)-[kind]->(to), as GRAPH has them. */
const LINK_ENDS = Object.fromEntries(linkKindsOf(GRAPH).map((link) => [link.kind, link])) as Record<
  LinkKind,
  LinkKindSpec<LinkKind, Label>
>;

/** The caller's key name when it may edit; UNAUTHENTICATED without a valid key, FORBIDDEN for a reader's. */
function editor(context: Context): string {
  const { caller } = context;
  if (caller === 'none')
    throw new GraphQLError('Mutations need an editor\'s API key: send "Authorization: Bearer <key>".', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  if (caller === 'invalid')
    throw new GraphQLError('The API key sent is not a configured key.', { extensions: { code: 'UNAUTHENTICATED' } });
  if (caller.role !== 'editor')
    throw new GraphQLError(`The key "${caller.name}" is a reader's; mutations need an editor's key.`, {
      extensions: { code: 'FORBIDDEN' },
    });
  return caller.name;
}

/** Whether the caller holds an editor's key. */
const isEditor = ({ caller }: Context) => typeof caller === 'object' && caller.role === 'editor';

/** Whether the field being resolved selects `name` on what it returns (of `type`), directly or through fragments. */
const selects = (info: GraphQLResolveInfo, type: string, name: string) =>
  info.fieldNodes.some(
    (node) =>
      node.selectionSet !== undefined &&
      [...fieldsOf(node.selectionSet, type, info.fragments)].some((field) => field.name.value === name),
  );

function refuse(problems: Problems): void {
  if (problems.length > 0) throw userError(`${problems.join('; ')}.`);
}

async function result(context: Context, id: string, outcome: MutationOutcome): Promise<MutationResult> {
  context.loaders.entity.clear(id);
  return { entity: (await context.loaders.entity.load(id)) as never, ...outcome };
}

@Resolver()
export class CurationResolver {
  @Mutation(() => MutationResult, {
    description: 'Creates or updates a company; the sources given are added to its own.',
  })
  async upsertCompany(
    @Arg('input', () => CompanyInput) input: CompanyInput,
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    refuse(checkCompany(input));
    const { id, sourceIds, ...facts } = input;
    return result(
      context,
      id,
      await context.curation.upsert({ label: 'Company', id, facts, sourceIds, relations: [], cites: true }, by),
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Creates or updates a foundation model; developers and sources given are added to those it has.',
  })
  async upsertModel(
    @Arg('input', () => ModelInput) input: ModelInput,
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    refuse(checkModel(input));
    const { id, sourceIds, developerIds, ...facts } = input;
    const relations: UpsertPlan['relations'] = [
      {
        type: 'DEVELOPS',
        direction: 'in',
        target: 'Company',
        links: developerIds.map((developer) => ({ id: developer })),
      },
    ];
    return result(
      context,
      id,
      await context.curation.upsert({ label: 'FoundationModel', id, facts, sourceIds, relations, cites: true }, by),
    );
  }

  @Mutation(() => MutationResult, {
    description:
      'Creates or updates a service; providers, models, industries and sources given are added to those it has.',
  })
  async upsertService(
    @Arg('input', () => ServiceInput) input: ServiceInput,
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    refuse(checkService(input));
    const { id, sourceIds, providerIds, modelIds, industryIds, ...facts } = input;
    const relations: UpsertPlan['relations'] = [
      {
        type: 'PROVIDES',
        direction: 'in',
        target: 'Company',
        links: providerIds.map((provider) => ({ id: provider })),
      },
      {
        type: 'BUILT_ON',
        direction: 'out',
        target: 'FoundationModel',
        links: (modelIds ?? []).map((model) => ({ id: model })),
      },
      {
        type: 'SERVES',
        direction: 'out',
        target: 'Industry',
        links: (industryIds ?? []).map((industry) => ({ id: industry })),
      },
    ];
    return result(
      context,
      id,
      await context.curation.upsert({ label: 'Service', id, facts, sourceIds, relations, cites: true }, by),
    );
  }

  @Mutation(() => MutationResult, {
    description: 'Creates or updates a partnership; parties and sources given are added to those it has.',
  })
  async upsertPartnership(
    @Arg('input', () => PartnershipInput) input: PartnershipInput,
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    refuse(checkPartnership(input));
    const { id, sourceIds, parties, partnershipKind, ...facts } = input;
    const relations: UpsertPlan['relations'] = [
      {
        type: 'PARTY_TO',
        direction: 'in',
        target: 'Company',
        links: parties.map((party) => ({ id: party.company, properties: { role: party.role } })),
      },
    ];
    return result(
      context,
      id,
      await context.curation.upsert(
        { label: 'Partnership', id, facts: { ...facts, kind: partnershipKind }, sourceIds, relations, cites: true },
        by,
      ),
    );
  }

  @Mutation(() => MutationResult, { description: 'Creates or updates a source that facts can cite.' })
  async addSource(
    @Arg('input', () => SourceInput) input: SourceInput,
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    refuse(checkSource(input));
    const { id, ...facts } = input;
    return result(
      context,
      id,
      await context.curation.upsert({ label: 'Source', id, facts, sourceIds: [id], relations: [], cites: false }, by),
    );
  }

  @Mutation(() => MutationResult, {
    description:
      "Adds a relationship between two existing entities, citing its sources; the history is the `from` entity's.",
  })
  async link(
    @Arg('kind', () => LinkKind) kind: LinkKind,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('sourceIds', () => [ID]) sourceIds: string[],
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    const problems: Problems = [];
    checkId(problems, 'from', from);
    checkId(problems, 'to', to);
    checkSources(problems, sourceIds);
    refuse(problems);
    const ends = LINK_ENDS[kind];
    return result(
      context,
      from,
      await context.curation.link(kind, { id: from, label: ends.from }, { id: to, label: ends.to }, sourceIds, by),
    );
  }

  @Mutation(() => MutationResult, {
    description:
      'Takes an entity out of queries, analytics and exports; it stays in history and restore brings it back.',
  })
  async retire(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: Context,
  ): Promise<MutationResult> {
    const by = editor(context);
    const problems: Problems = [];
    checkId(problems, 'id', id);
    problems.push(...checkReason(reason));
    refuse(problems);
    const outcome = await context.curation.retire(id, reason, by);
    context.loaders.entity.clear(id);
    return { entity: null, ...outcome };
  }

  @Mutation(() => MutationResult, { description: 'Brings a retired entity back as it was.' })
  async restore(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<MutationResult> {
    const by = editor(context);
    const problems: Problems = [];
    checkId(problems, 'id', id);
    refuse(problems);
    return result(context, id, await context.curation.restore(id, by));
  }

  @Query(() => [HistoryRecord], {
    description:
      "Every change made to an entity through the API, oldest first. A retired entity's history, and the key names " +
      'in `by`, are shown only to editors.',
  })
  async history(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HistoryRecord[]> {
    const editor = isEditor(context);
    if (!editor && selects(info, 'HistoryRecord', 'by'))
      throw new GraphQLError(
        "HistoryRecord.by (the name of an API key) is shown only to editors; leave it out or send an editor's key.",
        { extensions: { code: 'FORBIDDEN' } },
      );
    return (await context.curation.history(id, { includeRetired: editor })) as unknown as HistoryRecord[];
  }
}
