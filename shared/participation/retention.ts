import { CONTACT_RETENTION_YEARS_AFTER_LAST_ROUND } from '../registration/validation.ts';
import { listRegions, removeContacts, roundsOfRegion, type Store } from '../store/participation-store.ts';
import { roundState, type RegionRecord, type RoundRecord } from './model.ts';

/**
 * The promise on the privacy page, the form and the emails (CONTACT_RETENTION_TEXT): contact persons'
 * details are kept while the region takes part and removed at the latest a year after its last round.
 * "Takes part" ends with the last thing that happened: the registration, the decision on it, or the
 * close of its last round. A round that is planned or open keeps them.
 */
export function contactsExpireAt(region: Pick<RegionRecord, 'registeredAt' | 'decidedAt'>, rounds: readonly RoundRecord[], now: Date): Date | undefined {
  if (rounds.some((round) => roundState(round, now) !== 'gesloten')) return undefined;
  const moments = [region.registeredAt, region.decidedAt, ...rounds.map((round) => round.closedAt ?? `${round.closes}T23:59:59+01:00`)]
    .filter((m): m is string => m !== undefined)
    .map((m) => new Date(m).getTime());
  const last = new Date(Math.max(...moments));
  last.setUTCFullYear(last.getUTCFullYear() + CONTACT_RETENTION_YEARS_AFTER_LAST_ROUND);
  return last;
}

/** Removes the contact persons of every region whose retention is over; returns how many regions. Run nightly. */
export async function removeExpiredContacts(store: Store, now: Date): Promise<number> {
  let removed = 0;
  for (const region of await listRegions(store)) {
    if (!region.contacts) continue;
    const expires = contactsExpireAt(region, await roundsOfRegion(store, region.regionId), now);
    if (expires && expires <= now && (await removeContacts(store, region.regionId, now))) removed++;
  }
  return removed;
}
