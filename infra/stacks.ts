import type { App } from 'aws-cdk-lib';
import type { Settings } from './environments.ts';
import { MonitorAojStack } from './stack.ts';
import { WAF_REGION, WafStack } from './waf-stack.ts';

export interface EnvironmentStacks {
  readonly stack: MonitorAojStack;
  /** Only with settings.waf: the CloudFront web ACL in us-east-1, deployed before the main stack. */
  readonly waf: WafStack | undefined;
}

/**
 * The stacks of one environment: MonitorAoj-<env> and, with `waf`, MonitorAoj-<env>-waf in us-east-1.
 * The app (infra/app.ts) and the tests (test/infra/synth.ts) both build them here.
 */
export function createEnvironmentStacks(
  app: App,
  envName: string,
  settings: Settings,
  options: { siteDir: string; account: string | undefined },
): EnvironmentStacks {
  const waf = settings.waf
    ? new WafStack(app, `MonitorAoj-${envName}-waf`, {
        envName,
        env: { account: options.account, region: WAF_REGION },
        description: `Monitor AOJ (${envName}): CloudFront web ACL (WAF)`,
        terminationProtection: settings.retainData,
      })
    : undefined;
  const stack = new MonitorAojStack(app, `MonitorAoj-${envName}`, {
    envName,
    settings,
    siteDir: options.siteDir,
    ...(waf ? { webAcl: { parameterName: waf.parameterName, region: WAF_REGION } } : {}),
    env: { account: options.account, region: settings.region },
    description: `Monitor AOJ (${envName}): site, API, jobs and data`,
    terminationProtection: settings.retainData,
  });
  if (waf) stack.addStackDependency(waf, 'CloudFront reads the web ACL ARN the WAF stack publishes');
  return { stack, waf };
}
