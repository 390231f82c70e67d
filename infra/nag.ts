import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { addNagSuppressions } from './nag-suppressions.ts';
import { MonitorAojStack } from './stack.ts';

/** The cdk-nag packs every synth runs (docs/deploy.md, "Security checks"). */
export const NAG_PACK_NAMES = ['AwsSolutions', 'Serverless'] as const;

/**
 * Runs cdk-nag's AwsSolutions and Serverless packs on every synth of `app` and applies the accepted
 * findings of infra/nag-suppressions.ts to its Monitor AOJ stacks. Call it once the stacks exist; the
 * CDK app (infra/app.ts) and the tests (test/infra/nag.test.ts) both go through here.
 *
 * cdk-nag 3 is a CDK policy-validation plugin, not an aspect: an unacknowledged error fails the synth
 * (the report is printed and written to validation-report.json in the cloud assembly), a warning is
 * printed.
 */
export function applyNagChecks(app: App): NagPack[] {
  const packs = [new AwsSolutionsChecks(app), new ServerlessChecks(app)];
  Validations.of(app).addPlugins(...packs);
  for (const stack of app.node.children) {
    if (stack instanceof MonitorAojStack) addNagSuppressions(stack);
  }
  return packs;
}
