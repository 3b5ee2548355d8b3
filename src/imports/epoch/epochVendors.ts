/**
 * The companies behind Epoch AI's training hardware and training clouds, named as plainly as the graph names them
 * ("NVIDIA", "Google", "Microsoft", "Amazon") so that the import's identity rules find the seed's companies.
 */

/** Hardware names start with their maker's: "NVIDIA A100", "Google TPU v4", "Huawei Ascend 910". */
const HARDWARE_PREFIXES: readonly (readonly [string, string])[] = [
  ['nvidia ', 'NVIDIA'],
  ['google tpu', 'Google'],
  ['amd ', 'AMD'],
  ['huawei ', 'Huawei'],
  ['intel ', 'Intel'],
  ['habana ', 'Intel'],
  ['graphcore ', 'Graphcore'],
  ['cerebras ', 'Cerebras'],
  ['amazon trainium', 'Amazon'],
  ['amazon inferentia', 'Amazon'],
  ['aws trainium', 'Amazon'],
  ['aws inferentia', 'Amazon'],
];

/** Given a Training hardware value, returns the company that makes it, or null when the table does not know it. */
export function hardwareVendor(hardware: string): string | null {
  const name = hardware.toLowerCase();
  return HARDWARE_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? null;
}

/** Training cloud compute vendors as Epoch writes them (and their usual other names), by the company that runs them. */
const CLOUDS: Readonly<Record<string, string>> = {
  microsoft: 'Microsoft',
  'microsoft azure': 'Microsoft',
  azure: 'Microsoft',
  'azure ai': 'Microsoft',
  'amazon web services': 'Amazon',
  aws: 'Amazon',
  amazon: 'Amazon',
  'google cloud': 'Google',
  'google cloud platform': 'Google',
  gcp: 'Google',
  google: 'Google',
  oracle: 'Oracle',
  'oracle cloud': 'Oracle',
  'oracle cloud infrastructure': 'Oracle',
  ibm: 'IBM',
  'ibm cloud': 'IBM',
  cerebras: 'Cerebras',
  databricks: 'Databricks',
  coreweave: 'CoreWeave',
};

/** Given a Training cloud compute vendor value, returns the company that runs the cloud, or null when unknown. */
export function cloudCompany(vendor: string): string | null {
  return CLOUDS[vendor.toLowerCase()] ?? null;
}
