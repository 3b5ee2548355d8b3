import { derivationStatement } from '../src/dependencies/derivationStatement';
import { staleDependenciesStatement } from '../src/dependencies/staleDependenciesStatement';
import { GRAPH } from '../src/domain/graphModel';
import { linkKindEnumOf } from '../src/graphql/linkKindEnum';
import { formatProblem, type ParsedSeedFile } from '../src/seed/seedGraph';
import { FILE_SPECS, fileSpecsOf } from '../src/seed/seedSpec';
import { validateSeed } from '../src/seed/validateSeed';
import { BENCHMARK_MODEL } from './support/benchmarkModel';

const SPECS = fileSpecsOf(BENCHMARK_MODEL);

const records: Record<string, Record<string, unknown>[]> = {
  'sources.yaml': [{ id: 'report', name: 'The report' }],
  'companies.yaml': [{ id: 'openai', name: 'OpenAI', sources: ['report'] }],
  'models.yaml': [{ id: 'gpt-4', name: 'GPT-4', developers: ['openai'], benchmarks: ['mmlu'], sources: ['report'] }],
  'benchmarks.yaml': [{ id: 'mmlu', name: 'MMLU', sources: ['report'] }],
};

function parsed(changes: Record<string, Record<string, unknown>[]> = {}): ParsedSeedFile[] {
  return SPECS.map(({ file }) => ({
    file,
    problems: [],
    records: (changes[file] ?? records[file] ?? []).map((value, index) => ({ line: index + 1, value })),
  }));
}

describe('one model of the graph', () => {
  it('gives GRAPH the seed files it always had', () => {
    expect(FILE_SPECS.map((spec) => `${spec.file} ${spec.label} ${Object.keys(spec.relations).join(',')}`)).toEqual([
      'sources.yaml Source ',
      'stages.yaml ValueChainStage ',
      'industries.yaml Industry ',
      'companies.yaml Company stages,adopts,parent,chipVendors',
      'datasets.yaml Dataset publishers,sourceDatasets',
      'models.yaml FoundationModel developers,baseModels,trainingChipVendors,trainingClouds,trainingData,' +
        'generatedDatasets,inferenceProviders',
      'services.yaml Service providers,models,industries,usedServices',
      'partnerships.yaml Partnership parties',
    ]);
  });

  it('validates a seed record listing the new relationship, and writes the relationship it declares', () => {
    const { graph, problems } = validateSeed(parsed(), SPECS);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(graph.nodes.find((node) => node.id === 'mmlu')?.label).toBe('Benchmark');
    expect(graph.relationships.filter((rel) => rel.type === 'EVALUATED_ON')).toEqual([
      {
        type: 'EVALUATED_ON',
        from: 'gpt-4',
        to: 'mmlu',
        properties: { sourceIds: ['report'], confidence: 'REPORTED' },
      },
    ]);
  });

  it('refuses a reference of the new relationship to something that is no benchmark', () => {
    const models = [{ ...records['models.yaml'][0], benchmarks: ['openai', 'hellaswag'] }];
    expect(validateSeed(parsed({ 'models.yaml': models }), SPECS).problems.map(formatProblem)).toEqual([
      'models.yaml:1 [gpt-4] benchmarks[1]: "openai" is a Company, expected a Benchmark',
      'models.yaml:1 [gpt-4] benchmarks[2]: "hellaswag" is not defined in any seed file (expected a Benchmark id)',
    ]);
  });

  it('does not know the new relationship under GRAPH', () => {
    const files = parsed().filter((file) => file.file !== 'benchmarks.yaml');
    expect(validateSeed(files).problems.map(formatProblem)).toContain(
      'models.yaml:1 [gpt-4] benchmarks: is not a field of models.yaml (allowed: id, name, nameKo, aliases, ' +
        'description, confidence, parameters, parametersNote, releasedOn, access, trainingComputeFlop, developers, ' +
        'baseModels, trainingChipVendors, trainingClouds, trainingData, generatedDatasets, inferenceProviders, ' +
        'sources)',
    );
  });

  it('derives DEPENDS_ON from the new relationship, and deletes those whose fact is gone', () => {
    const derivation = derivationStatement(BENCHMARK_MODEL).text;
    expect(derivation).toContain('WHERE a:Company OR a:FoundationModel OR a:Service OR a:Dataset\n');
    expect(derivation).toContain(
      "    MATCH (a:FoundationModel)-[r:EVALUATED_ON]->(b:Benchmark)\n    RETURN b, 'EVALUATED_ON' AS relation,",
    );
    expect(derivationStatement(GRAPH).text).not.toMatch(/EVALUATED_ON\b/);
    expect(staleDependenciesStatement(BENCHMARK_MODEL).text).toContain(
      "  WHEN 'EVALUATED_ON' THEN NOT (EXISTS { (a:FoundationModel)-[r:EVALUATED_ON]->(b:Benchmark) })\n",
    );
  });

  it('serves the new relationship as a LinkKind an editor may add', () => {
    const linkKind = linkKindEnumOf(BENCHMARK_MODEL);
    expect(Object.keys(linkKind.values)).toEqual([
      'BUILT_ON',
      'ADOPTS',
      'PROVIDES',
      'DEVELOPS',
      'PARTICIPATES_IN',
      'SERVES',
      'SUBSIDIARY_OF',
      'BASED_ON',
      'TRAINED_ON_CHIPS_OF',
      'TRAINED_IN_CLOUD_OF',
      'TRAINED_ON',
      'PUBLISHES',
      'DERIVED_FROM',
      'GENERATED_WITH',
      'USES_SERVICE',
      'EVALUATED_ON',
    ]);
    expect(linkKind.description).toMatch(/, USES_SERVICE service->service, EVALUATED_ON model->benchmark\.$/);
    expect(Object.keys(linkKindEnumOf(GRAPH).values)).not.toContain('EVALUATED_ON');
  });
});

describe('the dependency statements of GRAPH', () => {
  it('deletes a DEPENDS_ON whose fact is gone', () => {
    /* eslint-disable max-len -- the statement's own lines */
    expect(staleDependenciesStatement(GRAPH).text).toBe(`MATCH (a:Entity)-[d:DEPENDS_ON]->(b:Entity)
WHERE CASE d.relation
  WHEN 'ADOPTS' THEN NOT (EXISTS { (a:Company)-[r:ADOPTS]->(b:FoundationModel) })
  WHEN 'DEVELOPED_BY' THEN NOT (EXISTS { (b:Company)-[r:DEVELOPS]->(a:FoundationModel) })
  WHEN 'PROVIDED_BY' THEN NOT (EXISTS { (b:Company)-[r:PROVIDES]->(a:Service) })
  WHEN 'BUILT_ON' THEN NOT (EXISTS { (a:Service)-[r:BUILT_ON]->(b:FoundationModel) } OR EXISTS { (a:FoundationModel)-[r:BASED_ON]->(b:FoundationModel) } OR EXISTS { (a:Dataset)-[r:DERIVED_FROM]->(b:Dataset) } OR EXISTS { (a:Dataset)-[r:GENERATED_WITH]->(b:FoundationModel) } OR EXISTS { (a:Service)-[r:USES_SERVICE]->(b:Service) })
  WHEN 'OWNED_BY' THEN NOT (EXISTS { (a:Company)-[r:SUBSIDIARY_OF]->(b:Company) } OR EXISTS {
    MATCH (a:Company)-[ra:PARTY_TO]->(p:Partnership)<-[rb:PARTY_TO]-(b:Company)
    WHERE any(rule IN $rules WHERE rule.relation = d.relation AND rule.kind = p.kind AND rule.dependent = ra.role
              AND rule.dependency = rb.role)
  })
  WHEN 'SUPPLIED_BY' THEN NOT (EXISTS { (a:FoundationModel)-[r:TRAINED_ON_CHIPS_OF]->(b:Company) } OR EXISTS { (a:Company)-[r:HOLDS_CHIPS_OF]->(b:Company) } OR EXISTS {
    MATCH (a:Company)-[ra:PARTY_TO]->(p:Partnership)<-[rb:PARTY_TO]-(b:Company)
    WHERE any(rule IN $rules WHERE rule.relation = d.relation AND rule.kind = p.kind AND rule.dependent = ra.role
              AND rule.dependency = rb.role)
  })
  WHEN 'HOSTED_BY' THEN NOT (EXISTS { (a:FoundationModel)-[r:TRAINED_IN_CLOUD_OF]->(b:Company) } OR EXISTS {
    MATCH (a:Company)-[ra:PARTY_TO]->(p:Partnership)<-[rb:PARTY_TO]-(b:Company)
    WHERE any(rule IN $rules WHERE rule.relation = d.relation AND rule.kind = p.kind AND rule.dependent = ra.role
              AND rule.dependency = rb.role)
  })
  WHEN 'TRAINED_ON' THEN NOT (EXISTS { (a:FoundationModel)-[r:TRAINED_ON]->(b:Dataset) })
  WHEN 'PUBLISHED_BY' THEN NOT (EXISTS { (b:Company)-[r:PUBLISHES]->(a:Dataset) })
  WHEN 'OFFERS' THEN NOT (EXISTS { (a:Company)-[r:OFFERS]->(b:FoundationModel) })
  ELSE NOT EXISTS {
    MATCH (a:Company)-[ra:PARTY_TO]->(p:Partnership)<-[rb:PARTY_TO]-(b:Company)
    WHERE any(rule IN $rules WHERE rule.relation = d.relation AND rule.kind = p.kind AND rule.dependent = ra.role
              AND rule.dependency = rb.role)
  }
END
DELETE d
RETURN count(*) AS deleted`);
    /* eslint-enable max-len */
  });

  it("derives every DEPENDS_ON in one statement, per dependent, in the caller's transaction or in batches", () => {
    const { text, params } = derivationStatement(GRAPH);
    expect(text).toBe(`MATCH (a:Entity)
WHERE a:Company OR a:FoundationModel OR a:Service OR a:Dataset
CALL (a) {
  CALL (a) {
    MATCH (a:Company)-[r:ADOPTS]->(b:FoundationModel)
    RETURN b, 'ADOPTS' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (b:Company)-[r:DEVELOPS]->(a:FoundationModel)
    RETURN b, 'DEVELOPED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (b:Company)-[r:PROVIDES]->(a:Service)
    RETURN b, 'PROVIDED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Service)-[r:BUILT_ON]->(b:FoundationModel)
    RETURN b, 'BUILT_ON' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Company)-[r:SUBSIDIARY_OF]->(b:Company)
    RETURN b, 'OWNED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:FoundationModel)-[r:BASED_ON]->(b:FoundationModel)
    RETURN b, 'BUILT_ON' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:FoundationModel)-[r:TRAINED_ON_CHIPS_OF]->(b:Company)
    RETURN b, 'SUPPLIED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:FoundationModel)-[r:TRAINED_IN_CLOUD_OF]->(b:Company)
    RETURN b, 'HOSTED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:FoundationModel)-[r:TRAINED_ON]->(b:Dataset)
    RETURN b, 'TRAINED_ON' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (b:Company)-[r:PUBLISHES]->(a:Dataset)
    RETURN b, 'PUBLISHED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Dataset)-[r:DERIVED_FROM]->(b:Dataset)
    RETURN b, 'BUILT_ON' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Dataset)-[r:GENERATED_WITH]->(b:FoundationModel)
    RETURN b, 'BUILT_ON' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Service)-[r:USES_SERVICE]->(b:Service)
    RETURN b, 'BUILT_ON' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Company)-[r:OFFERS]->(b:FoundationModel)
    RETURN b, 'OFFERS' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    MATCH (a:Company)-[r:HOLDS_CHIPS_OF]->(b:Company)
    WHERE a <> b
    RETURN b, 'SUPPLIED_BY' AS relation, null AS via, null AS since,
           r.sourceIds AS sourceIds, r.confidence AS confidence
    UNION ALL
    UNWIND $rules AS rule
    MATCH (a:Company)-[ra:PARTY_TO {role: rule.dependent}]->(p:Partnership {kind: rule.kind})
          <-[rb:PARTY_TO {role: rule.dependency}]-(b:Company)
    WHERE a <> b
    RETURN b, rule.relation AS relation, p.id AS via, p.announcedOn AS since,
           p.sourceIds AS sourceIds, p.confidence AS confidence
  }
  WITH a, b, relation, via, since, sourceIds, confidence
  ORDER BY via
  WITH a, b, relation, collect(via) AS via, min(since) AS since, collect(sourceIds) AS sourceLists,
       collect(confidence) AS confidences
  WITH a, b, relation, via, since,
       reduce(ids = [], list IN sourceLists | ids + [id IN list WHERE NOT id IN ids]) AS sourceIds,
       CASE WHEN 'CONFIRMED' IN confidences THEN 'CONFIRMED'
            WHEN 'REPORTED' IN confidences THEN 'REPORTED'
            ELSE 'UNCERTAIN' END AS confidence
  WITH a, b, relation, {relation: relation, via: via, sourceIds: sourceIds, confidence: confidence} AS props, since
  WITH a, b, relation, CASE WHEN since IS NULL THEN props ELSE props {.*, since: since} END AS props
  OPTIONAL MATCH (a)-[old:DEPENDS_ON {relation: relation}]->(b)
  WITH a, b, relation, props, old IS NULL AS isNew, properties(old) AS before
  MERGE (a)-[d:DEPENDS_ON {relation: relation}]->(b)
  WITH d, props, isNew, coalesce(before = props, false) AS same
  FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET d = props)
  RETURN count(CASE WHEN isNew THEN 1 END) AS created,
         count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
         count(CASE WHEN same THEN 1 END) AS unchanged
}
RETURN sum(created) AS created, sum(updated) AS updated, sum(unchanged) AS unchanged`);
    expect(params).toEqual({ rules: GRAPH.partnershipDependencies });
    const batched = derivationStatement(GRAPH, { batchSize: 500 });
    expect(batched.text).toBe(text.replace('\n}\nRETURN sum', '\n} IN TRANSACTIONS OF $batchSize ROWS\nRETURN sum'));
    expect(Number(batched.params.batchSize)).toBe(500);
  });
});
