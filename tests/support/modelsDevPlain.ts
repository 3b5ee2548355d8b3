/**
 * The shipped models.dev snapshot read apart from the importer's code, for the tests to compare with: each provider
 * folder's entries by regular expressions over the TOML text, links kept as text followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import type { ImportPlan } from '../../src/imports/planImport';
import { nameKey } from '../../src/imports/planImport';

export const SHIPPED_MODELS_DEV = path.join(projectRoot, 'seed/external/models-dev');

const nameOf = (text: string) => /^name\s*=\s*"(.*)"/m.exec(text)?.[1]?.trim();

/**
 * Given the plan of the snapshot's import, returns the distinct models each company offers: per provider folder, the
 * model names its entries give (a base_model's name for an entry naming one), each resolved as the plan resolved it,
 * and providers that resolve to one company (Alibaba and "Alibaba (China)") together; with `shared`, the offers a
 * folder states that an earlier folder of its company stated first.
 */
export function offersByCompany(plan: ImportPlan, root = SHIPPED_MODELS_DEV) {
  const modelsOf = new Map<string, Set<string>>();
  let shared = 0;
  for (const provider of fs.readdirSync(path.join(root, 'providers'))) {
    const folder = path.join(root, 'providers', provider, 'models');
    const providerName = nameOf(fs.readFileSync(path.join(root, 'providers', provider, 'provider.toml'), 'utf8'))!;
    const company = plan.resolutions.get(nameKey('Company', providerName))!;
    const ids = modelsOf.get(company) ?? new Set<string>();
    const before = ids.size;
    const folderIds = new Set<string>();
    const files = fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }) : [];
    for (const file of files.filter((one) => one.endsWith('.toml'))) {
      let text = fs.readFileSync(path.join(folder, file), 'utf8');
      if (/^\.\.\/\S+\.toml$/.test(text.trim())) {
        const target = path.join(folder, path.dirname(file), text.trim());
        if (!fs.existsSync(target)) continue;
        text = fs.readFileSync(target, 'utf8');
      }
      const base = /^base_model\s*=\s*"(.*)"/m.exec(text)?.[1];
      const model = base ? nameOf(fs.readFileSync(path.join(root, 'models', `${base}.toml`), 'utf8'))! : nameOf(text)!;
      const id = plan.resolutions.get(nameKey('FoundationModel', model));
      if (id) folderIds.add(id);
    }
    for (const id of folderIds) ids.add(id);
    if (ids.size > 0) modelsOf.set(company, ids);
    shared += before + folderIds.size - ids.size;
  }
  return { modelsOf, shared };
}
