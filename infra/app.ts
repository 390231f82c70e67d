import { execSync } from 'node:child_process';
import { App } from 'aws-cdk-lib';
import { ENVIRONMENT_NAMES, loadSettings } from './environments.ts';
import { REPO_ROOT, SITE_DIST, siteHasCurrentStylesheet, siteIsBuilt } from './paths.ts';
import { applyNagChecks } from './nag.ts';
import { createEnvironmentStacks } from './stacks.ts';

/**
 * CDK entry: `npx cdk synth|diff|deploy -c env=<name>`. One stack per environment, MonitorAoj-<name>,
 * plus MonitorAoj-<name>-waf in us-east-1 where settings.waf is on (infra/stacks.ts).
 */
function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const app = new App();
const envName: unknown = app.node.tryGetContext('env');
if (typeof envName !== 'string' || envName === '') {
  fail(`Which environment? Pass -c env=<name>, one of: ${ENVIRONMENT_NAMES.join(', ')}.\n  e.g. npx cdk deploy -c env=test`);
}

let settings;
try {
  settings = loadSettings(envName);
} catch (error) {
  fail((error as Error).message);
}

// The site is uploaded from site/dist; build it once if it is missing, or if it does not hold the
// stylesheet the functions are bundled to link (a build from older sources). Rebuild it yourself
// after other changes.
if (!siteIsBuilt() || !siteHasCurrentStylesheet()) {
  console.error('site/dist is missing or older than the sources: running npm run -s build:site');
  execSync('npm run -s build:site', { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (!siteIsBuilt() || !siteHasCurrentStylesheet()) fail('npm run build:site did not produce site/dist/index.html and the current stylesheet');
}

// MonitorAoj-<env>, and with settings.waf the web ACL stack MonitorAoj-<env>-waf in us-east-1.
createEnvironmentStacks(app, envName, settings, { siteDir: SITE_DIST, account: settings.account });

// cdk-nag (AwsSolutions, Serverless): an unaccepted finding fails the synth; see infra/nag-suppressions.ts.
applyNagChecks(app);

app.synth();
