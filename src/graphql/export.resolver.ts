import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { CSV_SEPARATOR, EXPORT_FILES, FILES_OF } from '../exports/formats';
import type { Context } from './context';

export enum ExportFormat {
  CYPHER = 'CYPHER',
  GRAPHML = 'GRAPHML',
  JSON = 'JSON',
  CSV = 'CSV',
}
registerEnumType(ExportFormat, { name: 'ExportFormat' });

@ObjectType('ExportResult')
export class ExportResult {
  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field(() => String)
  contentType!: string;

  @Field(() => String)
  filename!: string;

  @Field(() => String, {
    description:
      `The whole export (for CSV: nodes and relationships, each a CSV document, separated by a line "-- ` +
      `relationships.csv --").`,
  })
  content!: string;

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => Int)
  relationshipCount!: number;
}

@Resolver()
export class ExportResolver {
  @Query(() => ExportResult, {
    description: 'The whole graph in one format, in one string; GET /export/<file> streams the same files.',
  })
  async exportGraph(
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Ctx() context: Context,
  ): Promise<ExportResult> {
    const source = context.exports;
    const documents: string[] = [];
    for (const name of FILES_OF[format]) {
      let text = '';
      for await (const chunk of EXPORT_FILES[name].serialize(source)) text += chunk;
      documents.push(text);
    }
    const first = EXPORT_FILES[FILES_OF[format][0]];
    const counts = await source.counts();
    return {
      format,
      contentType: format === ExportFormat.CSV ? 'text/csv; charset=utf-8' : first.contentType,
      filename: format === ExportFormat.CSV ? 'graph.csv' : first.filename,
      content: documents.join(CSV_SEPARATOR),
      nodeCount: counts.nodes,
      relationshipCount: counts.relationships,
    };
  }
}
