/**
 * Ecosystem Graphs' `dependencies`: the assets each asset is built from, named by display name. A name is matched
 * against the snapshot's own assets exactly, then by its identity key (src/identity/normalizeName.ts: "LLaMA 2" finds
 * "Llama 2"), then by that key without spaces ("CommonCrawl" finds "Common Crawl"); the pair of asset types gives the
 * relationship.
 */
import type { Label, RelationshipType } from '../../domain/graphModel';
import { normalizeName } from '../../identity/normalizeName';

export type AssetType = 'model' | 'dataset' | 'application';

/** The label of each asset type. */
export const ASSET_LABELS: Readonly<Record<AssetType, Label>> = {
  model: 'FoundationModel',
  dataset: 'Dataset',
  application: 'Service',
};

/** The relationship a dependency gives, by the dependent asset's type and the type of the asset it names. */
const LINK_TYPES: Readonly<Record<AssetType, Partial<Record<AssetType, RelationshipType>>>> = {
  model: { dataset: 'TRAINED_ON', model: 'BASED_ON' },
  application: { model: 'BUILT_ON', application: 'USES_SERVICE' },
  dataset: { dataset: 'DERIVED_FROM', model: 'GENERATED_WITH' },
};

/**
 * For a dependency naming no asset of the snapshot: the links tried in order, by the dependent asset's type, the
 * first whose far end the graph already has being made.
 */
export const ALTERNATIVES: Readonly<Record<AssetType, readonly (readonly [RelationshipType, Label])[]>> = {
  model: [
    ['TRAINED_ON', 'Dataset'],
    ['BASED_ON', 'FoundationModel'],
  ],
  application: [
    ['BUILT_ON', 'FoundationModel'],
    ['USES_SERVICE', 'Service'],
  ],
  dataset: [
    ['DERIVED_FROM', 'Dataset'],
    ['GENERATED_WITH', 'FoundationModel'],
  ],
};

/** Given the dependent asset's type and its dependency's, returns the relationship, or null for a pair none links. */
export function linkTypeOf(from: AssetType, to: AssetType): RelationshipType | null {
  return LINK_TYPES[from][to] ?? null;
}

/** An asset as a dependency names it. */
export interface NamedAsset {
  type: AssetType;
  name: string;
}

/**
 * Given the snapshot's assets, returns the matcher of dependency names: the asset a name finds (exactly, by key, by
 * key without spaces; the first asset in file order when a key is shared), or null when it finds none.
 */
export function dependencyMatcher(assets: readonly NamedAsset[]): (name: string) => NamedAsset | null {
  const keys = [(name: string) => name, normalizeName, (name: string) => normalizeName(name).replace(/ /g, '')];
  const indexes = keys.map((key) => {
    const index = new Map<string, NamedAsset>();
    for (const asset of assets) if (!index.has(key(asset.name))) index.set(key(asset.name), asset);
    return index;
  });
  return (name) => {
    for (let step = 0; step < keys.length; step++) {
      const found = indexes[step].get(keys[step](name));
      if (found) return found;
    }
    return null;
  };
}
