import { JOBS, type FunctionName } from '../shared/routes.ts';
import { localHandlerEnv } from './local/settings.ts';

/**
 * `npm run job -- <name>`: runs a scheduled job once, now, against the emulators of a running
 * `npm start` (e.g. `npm run job -- import` after dropping files in the local imports bucket).
 */
const ALIASES: Record<string, FunctionName> = { import: 'indicatorImport', mail: 'mailSender' };
/** On demand a job always works (the benchmark otherwise waits for a closed round or the night). */
const ON_DEMAND_EVENT = { force: true };
const wanted = process.argv[2] ?? '';
const job = ALIASES[wanted] ?? (JOBS.includes(wanted as FunctionName) ? (wanted as FunctionName) : undefined);
if (!job) {
  console.error(`Usage: npm run job -- <${[...Object.keys(ALIASES), ...JOBS].join(' | ')}>`);
  process.exit(2);
}
Object.assign(process.env, localHandlerEnv());
const { FUNCTIONS } = await import('../shared/routes.ts');
const module = (await import(`../${FUNCTIONS[job].entry}`)) as { handler: (event: unknown) => Promise<unknown> };
try {
  console.log(JSON.stringify(await module.handler(ON_DEMAND_EVENT), null, 2));
} catch (error) {
  console.error(`Job ${job} failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Is `npm start` running? The job uses its emulators.');
  process.exit(1);
}
