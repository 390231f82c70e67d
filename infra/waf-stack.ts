import { Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront web ACLs must live in us-east-1, whatever the region of the distribution. */
export const WAF_REGION = 'us-east-1';

/**
 * Requests to /api/ one client IP may send per 5 minutes before WAF answers 429 for a while. Pages and
 * assets are served from CloudFront's cache and are not counted. A class or team behind one address
 * answering questionnaires together stays well below it (about 20 requests each).
 */
export const API_RATE_LIMIT_PER_5_MINUTES = 1000;

/** Rules of the common rule set switched to "count": the service bounds these itself. */
export const COMMON_RULES_COUNTED = [
  // Bodies over 8 KB: a questionnaire step with open answers (2,000 characters each, URL-encoded) can
  // exceed it; every handler bounds the length of each field itself.
  'SizeRestrictions_BODY',
] as const;

/** Where the web ACL's ARN is published for the site stack (in us-east-1). */
export const webAclParameterName = (envName: string) => `/monitor-aoj/${envName}/cloudfront-web-acl-arn`;

export interface WafStackProps extends StackProps {
  readonly envName: string;
}

/**
 * The web ACL of the environment's CloudFront distribution: AWS's managed common rule set (OWASP-style
 * injection, bad inputs, oversize requests) and a rate-based rule per client IP on the API. A small
 * stack of its own in us-east-1 (a CloudFront rule); its ARN goes to an SSM parameter there, which the
 * site stack reads at deploy time (infra/constructs/web-acl.ts). No WAF logging: it would record every
 * visitor's IP address (the same reason CloudFront keeps no access logs).
 */
export class WafStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly parameterName: string;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);
    if (props.env?.region !== WAF_REGION) throw new Error(`The CloudFront web ACL must be in ${WAF_REGION}`);
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: false, metricName: `MonitorAoj-${props.envName}-${name}` });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `MonitorAoj-${props.envName}`,
      description: `Monitor AOJ ${props.envName}: CloudFront web ACL`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric('WebAcl'),
      rules: [
        {
          name: 'AwsCommonRuleSet',
          priority: 0,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: COMMON_RULES_COUNTED.map((name) => ({ name, actionToUse: { count: {} } })),
            },
          },
          visibilityConfig: metric('AwsCommonRuleSet'),
        },
        {
          name: 'ApiRatePerIp',
          priority: 1,
          action: { block: { customResponse: { responseCode: 429 } } },
          statement: {
            rateBasedStatement: {
              limit: API_RATE_LIMIT_PER_5_MINUTES,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/api/',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: metric('ApiRatePerIp'),
        },
      ],
    });
    this.parameterName = webAclParameterName(props.envName);
    new StringParameter(this, 'WebAclArn', {
      parameterName: this.parameterName,
      stringValue: this.webAcl.attrArn,
      description: `ARN of the CloudFront web ACL of Monitor AOJ (${props.envName}), read by stack MonitorAoj-${props.envName}`,
    });
  }
}
