import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, ConfigurationSetTlsPolicy, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { Settings } from '../environments.ts';

/**
 * SES: the configuration set every email is sent with (suppression of bounces and complaints,
 * reputation metrics). The sending identity is verified once by the operator and only referenced here.
 */
export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identityArn: string;
  readonly sandboxRecipientArns: string[];
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: { ses: Settings['ses'] }) {
    super(scope, id);
    const { identity, configurationSetName, sandboxRecipients = [] } = props.ses;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
      // Results go by email: never hand them to a receiving server over plain text.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    const stack = Stack.of(this);
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
    this.sandboxRecipientArns = sandboxRecipients.map((r) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: r }));
    this.configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName });
  }

  /** Send permission, limited to our identity and configuration set. */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identityArn, this.configurationSetArn, ...this.sandboxRecipientArns],
      }),
    );
  }
}
