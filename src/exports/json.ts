import type { ExportValue, GraphSource } from './model';
import { describeProperty, jsonText } from './values';

/**
 * Given a graph, yields it as one JSON document, one chunk per node or relationship:
 * {"nodes":[{"id","labels","properties"}...],"relationships":[{"id","type","start","end","properties"}...]}.
 * Integers keep their exact digits; floats always carry a '.' or an exponent, so typed readers (Python) keep them
 * floats.
 */
export async function* toJson(source: GraphSource): AsyncGenerator<string> {
  yield '{"nodes":[';
  let separator = '';
  for await (const node of source.nodes()) {
    const properties = propertiesJson(node.properties, (name) => describeProperty('node', node.key, name));
    const head = `"id":${JSON.stringify(node.key)},"labels":${JSON.stringify(node.labels)}`;
    yield `${separator}\n{${head},"properties":${properties}}`;
    separator = ',';
  }
  yield '\n],"relationships":[';
  separator = '';
  for await (const rel of source.relationships()) {
    const properties = propertiesJson(rel.properties, (name) => describeProperty('relationship', rel.key, name));
    const ends = `"start":${JSON.stringify(rel.start)},"end":${JSON.stringify(rel.end)}`;
    const head = `"id":${JSON.stringify(rel.key)},"type":${JSON.stringify(rel.type)},${ends}`;
    yield `${separator}\n{${head},"properties":${properties}}`;
    separator = ',';
  }
  yield '\n]}\n';
}

function propertiesJson(properties: Record<string, ExportValue>, where: (name: string) => string): string {
  const entries = Object.entries(properties).map(
    ([name, value]) => `${JSON.stringify(name)}:${jsonText(value, () => where(name))}`,
  );
  return `{${entries.join(',')}}`;
}
