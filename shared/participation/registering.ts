import { createHash, randomUUID } from 'node:crypto';
import type { MailDeps, OutgoingMail } from '../mail/outbox.ts';
import { trySendNow } from '../mail/outbox.ts';
import { coverageWarnings } from '../registration/coverage.ts';
import { renderContactConfirmation, renderOperatorNotification } from '../registration/email.ts';
import type { Registration } from '../registration/validation.ts';
import { storeRegistration } from '../store/participation-store.ts';
import { mailKey, regionPk } from '../store/table.ts';
import type { Contact } from '../operator/contract.ts';
import type { RegionRecord } from './model.ts';

/** A short region id for operators to type, the same for every submit of one registration form. */
export function regionIdOf(registrationId: string): string {
  return `r-${createHash('sha256').update(registrationId).digest('hex').slice(0, 10)}`;
}

/**
 * A double submit sends the same registration again: compared field by field with what was stored
 * (no hash of the contacts' details is kept). A rejected region has forgotten its contacts, so a
 * resubmit of it counts as a conflict.
 */
function sameRegistration(stored: RegionRecord, region: RegionRecord): boolean {
  // DynamoDB keeps no key order in maps: compare the contacts key by key.
  const contact = (c: Contact | undefined) => (c ? [c.name, c.role, c.email, c.phone ?? null] : null);
  const what = (r: RegionRecord) => JSON.stringify([r.name, r.gemeenten, r.swvPo, r.swvVo, contact(r.contacts?.gemeenten), contact(r.contacts?.swv)]);
  return what(stored) === what(region);
}

export function regionRecord(reg: Registration, now: Date): RegionRecord {
  return {
    regionId: regionIdOf(reg.registrationId),
    registrationId: reg.registrationId,
    name: reg.regionName,
    gemeenten: reg.gemeenten,
    swvPo: reg.swvPo,
    swvVo: reg.swvVo,
    contacts: { gemeenten: reg.contactGemeenten, swv: reg.contactSwv },
    warnings: coverageWarnings({ gemeenten: reg.gemeenten, swvPo: reg.swvPo, swvVo: reg.swvVo }),
    status: 'aangemeld',
    registeredAt: now.toISOString(),
    demo: false,
  };
}

export type RegisterOutcome = { outcome: 'stored' | 'duplicate'; region: RegionRecord } | { outcome: 'conflict' };

/**
 * Store, then send: the region and its three emails (the operators, each contact) in one
 * transaction, then one try to send each right away; the scheduled sender retries what failed.
 */
export async function register(deps: MailDeps, reg: Registration): Promise<RegisterOutcome> {
  const region = regionRecord(reg, deps.now());
  const pk = regionPk(region.regionId);
  const mails: OutgoingMail[] = [
    { key: mailKey(pk, 'contact-gemeenten'), kind: 'registration-confirmation', to: reg.contactGemeenten.email, content: renderContactConfirmation(reg, 'gemeenten') },
    { key: mailKey(pk, 'contact-swv'), kind: 'registration-confirmation', to: reg.contactSwv.email, content: renderContactConfirmation(reg, 'swv') },
  ];
  if (deps.config.OPERATOR_EMAIL) {
    mails.push({ key: mailKey(pk, 'operators'), kind: 'operator-notification', to: deps.config.OPERATOR_EMAIL, content: renderOperatorNotification(reg, region.warnings, region.regionId) });
  }
  // Stored already claimed by this request, which sends them right away (no claim round trip each).
  for (const mail of mails) mail.claimedBy = randomUUID();
  const stored = await storeRegistration({ doc: deps.doc, tableName: deps.config.TABLE_NAME }, region, mails, deps.now());
  if (stored.outcome === 'exists') return sameRegistration(stored.region, region) ? { outcome: 'duplicate', region: stored.region } : { outcome: 'conflict' };
  for (const mail of mails) await trySendNow(deps, mail);
  return { outcome: 'stored', region };
}
