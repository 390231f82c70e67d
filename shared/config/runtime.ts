import * as z from 'zod';

/**
 * The environment variables every handler reads, in one schema: the CDK stack sets them from the
 * environment settings, `npm start` and the tests set them for the local emulators.
 */
export const runtimeSchema = z.object({
  TABLE_NAME: z.string().min(3),
  /** Origin of the public site, for links in emails, e.g. https://monitor-aoj.nl */
  PUBLIC_URL: z.url().transform((u) => u.replace(/\/$/, '')),
  /** Verified SES sender, e.g. "Monitor AOJ <noreply@monitor-aoj.nl>". */
  MAIL_FROM: z.string().min(3),
  MAIL_REPLY_TO: z.string().optional(),
  SES_CONFIGURATION_SET: z.string().optional(),
  /** Bucket where operators drop indicator and area files (the import job only). */
  IMPORTS_BUCKET: z.string().min(3).optional(),
  /** Bucket with the regions' PDF reports (the benchmark job writes, the results page reads). */
  REPORTS_BUCKET: z.string().min(3).optional(),
  /** CodeBuild project that rebuilds the site after a new snapshot is published (AWS only). */
  SITE_BUILD_PROJECT: z.string().optional(),
  /** Secrets Manager secret holding the key under which invitation tokens are hashed (AWS). */
  TOKEN_KEY_SECRET_ARN: z.string().optional(),
  /** The key itself, for the local system and tests only (never set in AWS). */
  TOKEN_KEY: z.string().min(32).optional(),
  /** Where registrations are announced to the operators. */
  OPERATOR_EMAIL: z.email().optional(),
  /** "true" where `npm run admin -- demo` may create the made-up demo region (never in production). */
  ALLOW_DEMO: z.enum(['true', 'false']).optional(),
  /** The organisation named in the footer of the pages (shared/web/site-identity.ts); unset: the local one. */
  SITE_ORGANISATION_NAME: z.string().min(2).optional(),
  /** Its contact address, in the footer too. */
  SITE_CONTACT_EMAIL: z.email().optional(),
  /** Replaces the minimum fill time of the public forms (shared/privacy.ts); 0 in tests that post at machine speed. */
  FORM_MIN_FILL_SECONDS: z.coerce.number().int().min(0).optional(),
  /** Replaces the hourly submit limits per network address (shared/privacy.ts); tests and the local benchmark only. */
  FORM_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).optional(),
  /** Replaces the hourly limit of new drafts per network address (shared/privacy.ts); tests only. */
  FORM_DRAFT_LIMIT_PER_HOUR: z.coerce.number().int().min(1).optional(),
});

export type RuntimeConfig = z.infer<typeof runtimeSchema>;

let cached: RuntimeConfig | undefined;

/** Read once per cold start; a missing variable is a deployment error and fails loudly. */
export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  if (env !== process.env) return runtimeSchema.parse(env);
  cached ??= runtimeSchema.parse(env);
  return cached;
}

export function resetRuntimeConfig(): void {
  cached = undefined;
}
