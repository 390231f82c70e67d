import * as z from 'zod';

/**
 * Who runs the site and how to reach them, named in the footer of every page (static and
 * API-rendered) and on the information pages. Set per environment in infra/environments.ts
 * (`organisation`); the stack passes it to the site build (CodeBuild) and to the functions as the
 * environment variables below. Without them (npm start, tests) the local default applies, which is
 * also the test environment's value.
 */
export const organisationSchema = z
  .object({
    /** The organisation responsible for the site, e.g. "Stichting Voorbeeld". */
    name: z.string().trim().min(2).max(120),
    /** A monitored contact address for questions, privacy and accessibility. */
    email: z.email(),
  })
  .strict();

export type Organisation = z.output<typeof organisationSchema>;

/** The local system's and the test environment's organisation (made up). */
export const LOCAL_ORGANISATION: Organisation = {
  name: 'Projectteam Monitor AOJ (testomgeving)',
  email: 'contact@test.monitor-aoj.nl',
};

/** Also in the functions' runtime schema (shared/config/runtime.ts), which the stack fills. */
export const ORGANISATION_ENV = { name: 'SITE_ORGANISATION_NAME', email: 'SITE_CONTACT_EMAIL' } as const;

/** The environment variables that carry an organisation (for CodeBuild and the functions). */
export function organisationEnv(organisation: Organisation): Record<string, string> {
  return { [ORGANISATION_ENV.name]: organisation.name, [ORGANISATION_ENV.email]: organisation.email };
}

/** The organisation from the environment; the local default when neither variable is set. */
export function organisationFrom(env: NodeJS.ProcessEnv = process.env): Organisation {
  const name = env[ORGANISATION_ENV.name];
  const email = env[ORGANISATION_ENV.email];
  if (name === undefined && email === undefined) return LOCAL_ORGANISATION;
  const parsed = organisationSchema.safeParse({ name, email });
  if (!parsed.success) {
    throw new Error(`${ORGANISATION_ENV.name} and ${ORGANISATION_ENV.email} must both be set and valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
