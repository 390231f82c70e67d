import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { LOCAL_ORGANISATION, organisationSchema } from '../shared/web/site-identity.ts';

/**
 * Per-environment settings: the one place an operator edits (see docs/deploy.md). Every record is
 * validated with the schema below before anything is synthesized, so a typo fails `cdk synth` with a
 * readable message instead of a half-deployed stack.
 */

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a lower-case host name such as monitor-aoj.nl');

/** An address in the form `noreply@example.nl` or `Name <noreply@example.nl>`. */
const mailbox = z.string().regex(/^([^<>@]+ )?<?[^\s<>@]+@[^\s<>@]+\.[a-z]{2,63}>?$/i, 'an email address, optionally "Name <address>"');

/** The address part of a mailbox: `Name <a@b.nl>` → `a@b.nl`. */
export function mailAddress(mailboxValue: string): string {
  return (/<([^>]+)>/.exec(mailboxValue)?.[1] ?? mailboxValue).trim().toLowerCase();
}

const RETENTION_VALUES = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');

export const settingsSchema = z
  .object({
    /** AWS account id; when absent, the account of the caller's credentials (CDK_DEFAULT_ACCOUNT). */
    account: z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id').optional(),
    /** Region of all regional resources. Fixed per environment on purpose (data location), not taken from the CLI profile. */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-central-1').default('eu-central-1'),
    /**
     * Origin used in links in emails. Default: https://<customDomain.name>, or the CloudFront domain
     * when there is no custom domain.
     */
    publicUrl: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    /** Own domain name for the site; the certificate must be in ACM in us-east-1 (a CloudFront rule). */
    customDomain: z
      .object({
        name: hostname,
        certificateArn: z
          .string()
          .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, 'an ACM certificate ARN in us-east-1'),
      })
      .strict()
      .optional(),
    ses: z
      .object({
        /** Sender of every email (MAIL_FROM); must belong to `identity`. */
        fromAddress: mailbox,
        replyTo: mailbox.optional(),
        /** The verified SES identity (a domain or an email address) the functions may send as. */
        identity: z.union([hostname, z.email()]),
        /** Created by this stack. */
        configurationSetName: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (at most 64)'),
        /**
         * Only while the account is in the SES sandbox: the verified recipient identities. In the
         * sandbox SES also checks the sender's IAM permission on each recipient identity.
         */
        sandboxRecipients: z.array(z.union([hostname, z.email()])).optional(),
      })
      .strict(),
    /** Protect stored data: table deletion protection, and keep the table, buckets, queues and logs on stack deletion. */
    retainData: z.boolean(),
    logRetentionDays: z
      .number()
      .refine((n) => RETENTION_VALUES.includes(n), `one of the CloudWatch retention periods: ${RETENTION_VALUES.join(', ')}`),
    /** Default throttling of every API route (requests per second, and burst). */
    apiThrottle: z
      .object({ rateLimit: z.number().positive().max(10_000), burstLimit: z.number().int().positive().max(5_000) })
      .strict(),
    /** Throttling of each public form post (Regioscan, registration, questionnaire steps): tighter than the default. */
    postThrottle: z
      .object({ rateLimit: z.number().positive().max(10_000), burstLimit: z.number().int().positive().max(5_000) })
      .strict(),
    /**
     * Who gets an email when an alarm fires (dead letters, dead mail, function errors). Every alarm
     * notifies the stack's alarm topic; this address subscribes to it. Required in production.
     */
    alarmEmail: z.email().optional(),

    /**
     * AWS WAF on CloudFront: the AWS managed common rule set and a rate-based rule per client IP on the
     * API, in a small second stack in us-east-1 (a CloudFront rule; infra/waf-stack.ts). Required in
     * production.
     */
    waf: z.boolean().default(false),
    /** Where new registrations of regions are announced (the operators' shared mailbox). */
    operatorEmail: z.email(),
    /**
     * The organisation that runs the site and its contact address, named in the footer of every page
     * and on the privacy and accessibility pages: `{ name, email }` (the address must be monitored).
     * Default: the made-up organisation of the local system; a production environment must set its own.
     */
    organisation: organisationSchema.default(LOCAL_ORGANISATION),
    /** Whether `npm run admin -- demo` may create the made-up demo region here. Never in production. */
    allowDemo: z.boolean().default(false),
  })
  .strict()
  .superRefine((s, ctx) => {
    const from = mailAddress(s.ses.fromAddress);
    const identity = s.ses.identity.toLowerCase();
    const ok = identity.includes('@') ? from === identity : from.endsWith(`@${identity}`);
    if (!ok) {
      ctx.addIssue({ code: 'custom', path: ['ses', 'fromAddress'], message: `the sender ${from} does not belong to the SES identity ${identity}` });
    }
  });

export type Settings = z.output<typeof settingsSchema>;

/** Environments that serve the public: they must notify a person of alarms and sit behind WAF. */
export const PRODUCTION_ENVIRONMENTS: readonly string[] = ['prod'];

/** The extra rules of a production environment, checked after the schema. */
function productionIssues(s: Settings): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (!s.alarmEmail) issues.push({ path: ['alarmEmail'], message: 'required in a production environment: alarms must reach a person' });
  if (!s.waf) issues.push({ path: ['waf'], message: 'must be true in a production environment' });
  if (s.organisation.email === LOCAL_ORGANISATION.email) {
    issues.push({ path: ['organisation'], message: 'required in a production environment: name the organisation that runs the site and its contact address' });
  }
  return issues;
}
export type SettingsInput = z.input<typeof settingsSchema>;

/**
 * The environments. Replace the placeholders (domain, sender) with the real ones before the first
 * production deploy; docs/deploy.md explains every field.
 */
export const ENVIRONMENTS = {
  test: {
    ses: {
      fromAddress: 'Monitor AOJ (test) <noreply@test.monitor-aoj.nl>',
      identity: 'test.monitor-aoj.nl',
      configurationSetName: 'monitor-aoj-test',
    },
    // The table is kept on stack deletion in every environment (RemovalPolicy.RETAIN); this flag
    // adds deletion protection and keeps the site bucket, queues and logs too.
    retainData: false,
    logRetentionDays: 30,
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
    postThrottle: { rateLimit: 10, burstLimit: 20 },
    operatorEmail: 'beheer@test.monitor-aoj.nl',
    // Also what `npm start` and the tests show (shared/web/site-identity.ts).
    organisation: LOCAL_ORGANISATION,
    allowDemo: true,
  },
  prod: {
    // To serve the site on its own name, add (certificate in us-east-1):
    // customDomain: { name: 'monitor-aoj.nl', certificateArn: 'arn:aws:acm:us-east-1:<account>:certificate/<id>' },
    ses: {
      fromAddress: 'Monitor AOJ <noreply@monitor-aoj.nl>',
      identity: 'monitor-aoj.nl',
      configurationSetName: 'monitor-aoj-prod',
    },
    retainData: true,
    logRetentionDays: 365,
    apiThrottle: { rateLimit: 100, burstLimit: 200 },
    postThrottle: { rateLimit: 50, burstLimit: 100 },
    operatorEmail: 'beheer@monitor-aoj.nl',
    // Placeholder: the organisation that runs the site and a monitored address (docs/deploy.md, section 2).
    organisation: { name: 'Projectteam Monitor AOJ', email: 'contact@monitor-aoj.nl' },
    // Placeholder: replace it with the mailbox of whoever answers alarms (docs/deploy.md, section 2).
    alarmEmail: 'alarmen@monitor-aoj.nl',
    waf: true,
  },
} as const satisfies Record<string, SettingsInput>;

export type EnvironmentName = keyof typeof ENVIRONMENTS;
export const ENVIRONMENT_NAMES = Object.keys(ENVIRONMENTS) as EnvironmentName[];

/**
 * Validates one settings record; the error lists every problem with its path. With `production`
 * (environments in PRODUCTION_ENVIRONMENTS) an alarm address and WAF are required as well.
 */
export function parseSettings(input: unknown, label = 'settings', options: { production?: boolean } = {}): Settings {
  const schema = options.production
    ? settingsSchema.superRefine((s, ctx) => {
        for (const issue of productionIssues(s)) ctx.addIssue({ code: 'custom', ...issue });
      })
    : settingsSchema;
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`Invalid ${label} in infra/environments.ts:\n${problems}`);
  }
  return result.data;
}

/**
 * Settings of one named environment. The account falls back to the caller's credentials
 * (CDK_DEFAULT_ACCOUNT, set by the CDK CLI) so a record need not hard-code it.
 */
export function loadSettings(name: string, env: NodeJS.ProcessEnv = process.env): Settings {
  if (!Object.hasOwn(ENVIRONMENTS, name)) {
    throw new Error(`Unknown environment "${name}". Valid names: ${ENVIRONMENT_NAMES.join(', ')} (pass it as -c env=<name>).`);
  }
  const record: SettingsInput = ENVIRONMENTS[name as EnvironmentName];
  const settings = parseSettings(record, `settings for environment "${name}"`, { production: PRODUCTION_ENVIRONMENTS.includes(name) });
  return { ...settings, account: settings.account ?? env.CDK_DEFAULT_ACCOUNT };
}
