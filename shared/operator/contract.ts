import * as z from 'zod';

/**
 * The operators' API (routes under /api/beheer, IAM-signed only): request bodies and answers, shared by
 * the operator function and the `npm run admin` command line, so both speak exactly the same language.
 */
export const GROUP_VALUES = ['beleid', 'uitvoering', 'ouders-jongeren'] as const;
export const THEME_VALUES = ['samenwerking', 'samenhang', 'tevredenheid'] as const;

/** yyyy-mm-dd of a day that exists: the pattern alone would let 2027-02-30 or 2027-13-45 through. One issue per field. */
const isoDate = z
  .string()
  .refine((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), {
    error: 'Use a date like 2027-03-31.',
  });

export const rejectBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const createRoundBody = z.strictObject({
  regionId: z.string().min(1).max(64),
  groups: z.array(z.enum(GROUP_VALUES)).min(1).max(3),
  /** First day the links work (default: today). */
  opens: isoDate.optional(),
  /** Last day the links work. */
  closes: isoDate,
  omitThemes: z.array(z.enum(THEME_VALUES)).max(2).default([]),
  extraQuestions: z.array(z.strictObject({ text: z.string().trim().min(10).max(300), type: z.enum(['likert', 'open']) })).max(5).default([]),
});
export type CreateRoundBody = z.infer<typeof createRoundBody>;

export const MAX_INVITATIONS_PER_REQUEST = 2000;
export const createInvitationsBody = z.strictObject({
  group: z.enum(GROUP_VALUES),
  count: z.number().int().min(1).max(MAX_INVITATIONS_PER_REQUEST),
});
export const openLinkBody = z.strictObject({ group: z.enum(GROUP_VALUES) });

export type RegionStatus = 'aangemeld' | 'goedgekeurd' | 'afgewezen';

export interface RegionSummary {
  regionId: string;
  name: string;
  status: RegionStatus;
  registeredAt: string;
  gemeenten: number;
  demo: boolean;
}

export interface GroupCounts {
  group: (typeof GROUP_VALUES)[number];
  /** Personal links handed out, and how many of them were opened and completed. */
  issued: number;
  started: number;
  completed: number;
  /** completed / issued, 0-1; null when no personal links were issued. */
  responseRate: number | null;
  /** Responses through the group's shared link, counted apart. */
  openStarted: number;
  openCompleted: number;
}

export interface RoundSummary {
  roundId: string;
  regionId: string;
  groups: (typeof GROUP_VALUES)[number][];
  opens: string;
  closes: string;
  status: 'gepland' | 'open' | 'gesloten';
  counts: GroupCounts[];
}

/** GET /regios -> { regions: RegionSummary[] }; GET /regios/{id} -> RegionDetail; approve -> RegionDetail (+ statusLink once). */
export interface RegionDetail extends RegionSummary {
  gemeentenCodes: string[];
  swvPo: string[];
  swvVo: string[];
  contacts: { gemeenten: Contact; swv: Contact };
  warnings: string[];
  rejectionReason?: string;
  rounds: RoundSummary[];
  /** The region's private response page and results page (approved regions only). */
  statusLink?: string;
  resultsLink?: string;
}

export interface Contact {
  name: string;
  role: string;
  email: string;
  phone?: string;
}

/** POST /rondes/{id}/uitnodigingen -> { roundId, group, links }; POST /rondes/{id}/open-link -> { roundId, group, link }. */
export interface InvitationsAnswer {
  roundId: string;
  group: string;
  links: string[];
}
export interface OpenLinkAnswer {
  roundId: string;
  group: string;
  link: string;
}

/** POST /demo -> the demo region, its closed round and the links made for it. */
export interface DemoAnswer {
  regionId: string;
  /** The closed round with made-up responses. */
  roundId: string;
  /** The open round the links belong to. */
  openRoundId: string;
  statusLink: string;
  /** The region's results page (filled once the benchmark job has run). */
  resultsLink: string;
  /** One unused personal link per group, to try the questionnaires. */
  links: Record<string, string>;
  /** Made-up responses in the Voorbeeldregio's closed rounds. */
  responses: number;
  /** Other made-up regions with a closed round, for the benchmark. */
  otherRegions: number;
}
