/**
 * Who is who among models.dev's folders: the providers that are clouds, and the labs whose provider-independent model
 * files (models/<lab>/) name a model's developer, named as the graph names them so that the identity rules find the
 * seed's companies. Only these tables make PARTICIPATES_IN cloud and DEVELOPS links (docs/datasets.md).
 */

/**
 * Providers that serve models from a general-purpose cloud of their own (the hyperscalers' model platforms and the
 * companies that rent compute by the hour), not gateways that route to other providers' APIs.
 */
const CLOUD_PROVIDERS: ReadonlySet<string> = new Set([
  'alibaba',
  'alibaba-cn',
  'amazon-bedrock',
  'azure',
  'azure-cognitive-services',
  'cloudferro-sherlock',
  'cloudflare-workers-ai',
  'digitalocean',
  'evroc',
  'gmicloud',
  'google-vertex',
  'google-vertex-anthropic',
  'nebius',
  'ovhcloud',
  'scaleway',
  'stackit',
  'vultr',
]);

/** Given a provider's folder name, returns whether the provider is a cloud. */
export function isCloudProvider(provider: string): boolean {
  return CLOUD_PROVIDERS.has(provider);
}

/** models/<lab>/ folders by the company that develops the lab's models. */
const LAB_DEVELOPERS: Readonly<Record<string, string>> = {
  alibaba: 'Alibaba',
  anthropic: 'Anthropic',
  cohere: 'Cohere',
  deepreinforce: 'DeepReinforce',
  deepseek: 'DeepSeek',
  google: 'Google',
  meta: 'Meta',
  minimax: 'MiniMax',
  mistral: 'Mistral AI',
  moonshotai: 'Moonshot AI',
  nvidia: 'NVIDIA',
  openai: 'OpenAI',
  perplexity: 'Perplexity',
  sakana: 'Sakana AI',
  sarvam: 'Sarvam AI',
  stepfun: 'StepFun',
  tencent: 'Tencent',
  xai: 'xAI',
  xiaomi: 'Xiaomi',
  zhipuai: 'Zhipu AI',
};

/** Given a models/<lab>/ folder name, returns the company that develops its models, or null when not in the table. */
export function labDeveloper(lab: string): string | null {
  return LAB_DEVELOPERS[lab] ?? null;
}
