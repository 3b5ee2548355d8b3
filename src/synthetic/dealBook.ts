/**
 * The partnerships made so far, and the one way to add one: a deal of a kind between companies in the roles the
 * domain allows for that kind, never twice between the same parties, with an id, a date, a confidence and the
 * generator's source.
 */
import { GRAPH } from '../domain/graphModel';
import type { Confidence, PartnershipKind } from '../domain/enums';
import { SOURCES } from './fixedRecords';
import type { SyntheticCompany } from './generateCompanies';
import { chance, partialDate, type Rng } from './randomStream';
import type { PartnershipRecord } from './seedRecords';
import { syntheticId } from './syntheticId';

/** A role the domain allows in a partnership of kind K. */
export type RoleIn<K extends PartnershipKind> = (typeof GRAPH.rolesByKind)[K][number];

export interface DealExtras {
  valueUsd?: number;
  description?: string;
  /** The share of such deals with a known announcement date; 0.85 unless given. */
  announced?: number;
}

export interface DealBook {
  records: PartnershipRecord[];
  /** Adds a partnership unless the same kind already links the same parties in the same roles; says if it did. */
  deal<K extends PartnershipKind>(
    kind: K,
    parties: [SyntheticCompany, RoleIn<K>][],
    name: string,
    extras?: DealExtras,
  ): boolean;
}

/** Mostly reported in the press, a few confirmed by the parties, a few uncertain. */
function confidence(rng: Rng): Confidence {
  const roll = rng();
  return roll < 0.02 ? 'UNCERTAIN' : roll < 0.07 ? 'CONFIRMED' : 'REPORTED';
}

/** Given the partnerships stream, returns an empty book of deals that draws from it. */
export function dealBook(rng: Rng): DealBook {
  const records: PartnershipRecord[] = [];
  const seen = new Set<string>();
  return {
    records,
    deal(kind, parties, name, extras = {}) {
      const ids = parties.map(([company]) => company.id);
      if (new Set(ids).size !== ids.length) return false;
      // Collaborators are interchangeable; in any other kind the order of the roles tells the parties apart.
      const key = `${kind}|${(kind === 'COLLABORATION' ? [...ids].sort() : ids).join('|')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      const announced = chance(rng, extras.announced ?? 0.85) ? partialDate(rng, 2018, 2023, 0.1, 0.3) : undefined;
      records.push({
        id: syntheticId('partnership', records.length),
        name,
        kind,
        parties: parties.map(([company, role]) => ({ company: company.id, role })),
        ...(announced === undefined ? {} : { announcedOn: announced }),
        ...(extras.valueUsd === undefined ? {} : { valueUsd: extras.valueUsd }),
        ...(extras.description === undefined ? {} : { description: extras.description }),
        confidence: confidence(rng),
        sources: SOURCES,
      });
      return true;
    },
  };
}

/** Calls add until it has succeeded `wanted` times or has been tried `tries` times. */
export function addUpTo(wanted: number, tries: number, add: () => boolean): void {
  for (let made = 0, tried = 0; made < wanted && tried < tries; tried++) if (add()) made++;
}
