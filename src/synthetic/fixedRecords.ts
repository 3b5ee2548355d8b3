/**
 * The records that do not scale with the graph: its one source, the real stages and a handful of the real
 * industries, so queries written for the real graph work on a synthetic one.
 */
import type { SyntheticOptions } from './generateGraph';
import type { IndustryRecord, SeedRecords, StageRecord } from './seedRecords';

export const SOURCE_ID = 'synthetic-generator';

/** The sources every generated record cites: one array shared by all, as there may be millions of records. */
export const SOURCES = [SOURCE_ID];

const STAGES: Omit<StageRecord, 'sources'>[] = [
  { id: 'data', name: 'Data construction', nameKo: '데이터 구축', order: 1, layer: 'CORE' },
  { id: 'model-training', name: 'Foundation-model training', nameKo: '초거대 AI 학습', order: 2, layer: 'CORE' },
  {
    id: 'service-development',
    name: 'Domain-specific model and service development',
    nameKo: '세부 사례별 생성형 AI 개발',
    order: 3,
    layer: 'CORE',
  },
  {
    id: 'service-delivery',
    name: 'Service delivery, use and improvement',
    nameKo: '서비스 제공, 활용 및 개선',
    order: 4,
    layer: 'CORE',
  },
  { id: 'cloud', name: 'Cloud', nameKo: '클라우드', order: 5, layer: 'INFRASTRUCTURE' },
  {
    id: 'chips',
    name: 'AI chips (GPU and AI-accelerator design)',
    nameKo: 'AI 반도체',
    order: 6,
    layer: 'INFRASTRUCTURE',
  },
  { id: 'memory', name: 'Memory and storage', nameKo: '메모리', order: 7, layer: 'INFRASTRUCTURE' },
  {
    id: 'foundry',
    name: 'Foundry (semiconductor manufacturing)',
    nameKo: '반도체 제조',
    order: 8,
    layer: 'INFRASTRUCTURE',
  },
];

/** Each stage id's place in the value chain, for listing a company's stages in chain order. */
export const STAGE_ORDER = new Map(STAGES.map((stage) => [stage.id, stage.order]));

/** A real industry, how often services serve it, and the word a service's name uses for it. */
export interface SyntheticIndustry extends Omit<IndustryRecord, 'sources'> {
  weight: number;
  word: string;
}

export const INDUSTRIES: readonly SyntheticIndustry[] = [
  { id: 'software-development', name: 'Software development', weight: 10, word: 'Developers' },
  {
    id: 'marketing-advertising',
    name: 'Marketing and advertising',
    nameKo: '마케팅·광고',
    weight: 8,
    word: 'Marketing',
  },
  { id: 'media-content', name: 'Media and content', nameKo: '미디어·콘텐츠', weight: 7, word: 'Media' },
  { id: 'finance', name: 'Finance', nameKo: '금융', weight: 6, word: 'Finance' },
  { id: 'healthcare', name: 'Healthcare', nameKo: '의료', weight: 6, word: 'Healthcare' },
  { id: 'education', name: 'Education', nameKo: '교육', weight: 5, word: 'Education' },
  { id: 'e-commerce', name: 'E-commerce', nameKo: 'e-커머스', weight: 4, word: 'Commerce' },
  {
    id: 'internet-search',
    name: 'Internet search and advertising',
    nameKo: '인터넷 검색·광고',
    weight: 3,
    word: 'Search',
  },
  { id: 'manufacturing', name: 'Manufacturing', nameKo: '제조', weight: 3, word: 'Manufacturing' },
  { id: 'legal', name: 'Legal', nameKo: '법률', weight: 2, word: 'Legal' },
];

/** Given the generator's options, returns the source, stage and industry records, each citing the one source. */
export function fixedRecords(
  options: SyntheticOptions,
): Pick<SeedRecords, 'sources.yaml' | 'stages.yaml' | 'industries.yaml'> {
  return {
    'sources.yaml': [
      {
        id: SOURCE_ID,
        name: `Synthetic graph (generator seed ${options.seed})`,
        publisher: 'ai-value-chain-graph synthetic generator (src/synthetic/generateGraph.ts)',
        description:
          `Deterministic synthetic generative-AI value chain of ${options.companies} companies for benchmarks; ` +
          'not real data.',
      },
    ],
    'stages.yaml': STAGES.map((stage) => ({ ...stage, sources: SOURCES })),
    'industries.yaml': INDUSTRIES.map(({ weight: _weight, word: _word, ...industry }) => ({
      ...industry,
      sources: SOURCES,
    })),
  };
}
