import type { GroupId } from '../questionnaires/definition.ts';
import type { Answers } from '../questionnaires/flow.ts';
import type { RoundQuestionnaire } from '../questionnaires/tailoring.ts';
import type { Contact, RegionStatus } from '../operator/contract.ts';

/** Item types of regions taking part: what the data layer stores and the handlers read. */
export interface RegionRecord {
  regionId: string;
  registrationId: string;
  name: string;
  gemeenten: string[];
  swvPo: string[];
  swvVo: string[];
  /** Removed when a registration is rejected; kept while the region takes part. */
  contacts?: { gemeenten: Contact; swv: Contact };
  warnings: string[];
  status: RegionStatus;
  registeredAt: string;
  decidedAt?: string;
  rejectionReason?: string;
  /** When the contact persons were forgotten because the retention period was over (shared/participation/retention.ts). */
  contactsRemovedAt?: string;
  /** A made-up region (TESTDATA) for trying the monitor; never shown as real. */
  demo: boolean;
}

export type LinkKind = 'personal' | 'open';

/**
 * A round. Every round is anonymous: there is no setting to change, so nothing can make a running
 * round less anonymous. The questionnaires are frozen copies made when the round was created.
 */
export interface RoundRecord {
  roundId: string;
  regionId: string;
  groups: GroupId[];
  /** First and last day (yyyy-mm-dd, Europe/Amsterdam) the links work. */
  opens: string;
  closes: string;
  closedAt?: string;
  questionnaires: Partial<Record<GroupId, RoundQuestionnaire>>;
  demo: boolean;
  createdAt: string;
}

export type RoundState = 'gepland' | 'open' | 'gesloten';

/** Today in the Netherlands, as yyyy-mm-dd: rounds open and close on Dutch calendar days. */
export function dutchDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function roundState(round: Pick<RoundRecord, 'opens' | 'closes' | 'closedAt'>, now: Date): RoundState {
  const today = dutchDay(now);
  if (round.closedAt || today > round.closes) return 'gesloten';
  return today < round.opens ? 'gepland' : 'open';
}

/** An invitation: only the hash of its token is its key; its state is all it knows. */
export interface InvitationRecord {
  roundId: string;
  group: GroupId;
  /** personal: one link, one response; open-link: a group's shared link; open: a response started through it. */
  linkKind: 'personal' | 'open-link' | 'open';
  state: 'issued' | 'started' | 'completed' | 'shared';
}

export interface Counts {
  issued: number;
  started: number;
  completed: number;
}

/** A completed response as stored: no token, no hash, no time; only what the benchmark counts. */
export interface StoredResponse {
  group: GroupId;
  /** The questionnaire version the round froze. */
  version: number;
  linkKind: LinkKind;
  answers: Answers;
}
