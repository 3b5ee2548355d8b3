/**
 * The companies phase: how many companies play each role, their names, their prominence within their role, and the
 * stages their role puts them in. Later phases read and extend this state (models, services, adoptions, deals)
 * before the company records are written from it.
 */
import { int, pick, shuffle, type Rng } from './randomStream';
import { syntheticId } from './syntheticId';

const ROLES = ['foundry', 'memory', 'chips', 'cloud', 'developer', 'applied'] as const;
export type Role = (typeof ROLES)[number];

/** A company while the graph is being made. */
export interface SyntheticCompany {
  id: string;
  role: Role;
  /** Position in its role by prominence: 0 is the biggest. */
  rank: number;
  /** The made-up word its products are named after. */
  base: string;
  name: string;
  stages: Set<string>;
  adopts: string[];
  modelCount: number;
  serviceCount: number;
}

/** Every company in id order, each role's companies by prominence, and the pool model developers are drawn from. */
export interface SyntheticCompanies {
  all: SyntheticCompany[];
  byRole: Record<Role, SyntheticCompany[]>;
  /** Big tech first (the top cloud providers), then the foundation-model developers, by prominence. */
  developerPool: SyntheticCompany[];
}

const SUFFIXES: Record<Role, readonly string[]> = {
  foundry: ['Foundry', 'Semiconductor Manufacturing', 'Fab'],
  memory: ['Memory', 'Storage', 'Semiconductor'],
  chips: ['Silicon', 'Micro Devices', 'Semiconductor', 'Compute'],
  cloud: ['Cloud', 'Cloud Services', 'Technologies', 'Systems'],
  developer: ['AI', 'Labs', 'Research', 'Intelligence', 'AI Lab'],
  applied: 'Inc. Software Health Finance Media Robotics Analytics Commerce Learning Studio Group Tech'.split(' '),
};

const SYLLABLES = [
  ...'ka lo vi ren to mi sa nor ex qua zen dra ly pho ter nu'.split(' '),
  ...'vo cel ar is ko ra tan via mo bel xa ri on gen pa lu'.split(' '),
];

/** The stages each role puts a company in from the start. */
const ROLE_STAGES: Record<Role, readonly string[]> = {
  foundry: ['foundry'],
  memory: ['memory'],
  chips: ['chips'],
  cloud: ['cloud', 'service-delivery'],
  developer: ['model-training'],
  applied: [],
};

function roleCounts(n: number): Record<Role, number> {
  const counts = {
    foundry: Math.max(2, Math.round(n * 0.0005)),
    memory: Math.max(2, Math.round(n * 0.0005)),
    chips: Math.max(3, Math.round(n * 0.003)),
    cloud: Math.max(3, Math.round(n * 0.005)),
    developer: Math.max(2, Math.round(n * 0.08)),
    applied: 0,
  };
  counts.applied = n - counts.foundry - counts.memory - counts.chips - counts.cloud - counts.developer;
  return counts;
}

function baseName(rng: Rng): string {
  const parts = Array.from({ length: int(rng, 2, 3) }, () => pick(rng, SYLLABLES)).join('');
  return parts[0].toUpperCase() + parts.slice(1);
}

/** A company name not used yet: a few fresh tries, then the base numbered by position, which is unique. */
function uniqueName(rng: Rng, role: Role, index: number, used: Set<string>): { base: string; name: string } {
  let base = baseName(rng);
  let name = `${base} ${pick(rng, SUFFIXES[role])}`;
  for (let attempt = 0; used.has(name) && attempt < 4; attempt++) {
    base = baseName(rng);
    name = `${base} ${pick(rng, SUFFIXES[role])}`;
  }
  if (used.has(name)) {
    base = `${base} ${index + 1}`;
    name = `${base} ${pick(rng, SUFFIXES[role])}`;
  }
  used.add(name);
  return { base, name };
}

/** Given the companies stream and a company count, returns the companies with their roles, names and ranks. */
export function generateCompanies(rng: Rng, n: number): SyntheticCompanies {
  const counts = roleCounts(n);
  const roleOf = shuffle(
    rng,
    ROLES.flatMap((role) => Array<Role>(counts[role]).fill(role)),
  );
  const byRole = Object.fromEntries(ROLES.map((role) => [role, []])) as unknown as SyntheticCompanies['byRole'];
  const used = new Set<string>();
  const all = roleOf.map((role, index) => {
    const company: SyntheticCompany = {
      id: syntheticId('company', index),
      role,
      // Ranked below, once every company of the role exists.
      rank: 0,
      ...uniqueName(rng, role, index, used),
      stages: new Set(ROLE_STAGES[role]),
      adopts: [],
      modelCount: 0,
      serviceCount: 0,
    };
    byRole[role].push(company);
    return company;
  });
  // Prominence is independent of id order: shuffle each role before ranking it.
  for (const list of Object.values(byRole)) shuffle(rng, list).forEach((company, rank) => (company.rank = rank));
  const topClouds = byRole.cloud.slice(0, Math.max(1, Math.round(byRole.cloud.length * 0.4)));
  return { all, byRole, developerPool: [...topClouds, ...byRole.developer] };
}
