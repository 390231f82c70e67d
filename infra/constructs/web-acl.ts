import { Arn, Stack } from 'aws-cdk-lib';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface WebAclReferenceProps {
  /** The SSM parameter (in `region`) that holds the web ACL's ARN (infra/waf-stack.ts). */
  readonly parameterName: string;
  readonly region: string;
}

/**
 * Reads the ARN of the environment's CloudFront web ACL, published by the WAF stack in us-east-1, at
 * deploy time (an SDK call through CDK's AwsCustomResource, whose helper function the stack already
 * has for the site rebuild: create this after the SiteBuild, whose props, log group included, that
 * shared function takes). The ACL's name is fixed, so its ARN never changes once created.
 */
export class WebAclReference extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: WebAclReferenceProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const parameterArn = Arn.format({ service: 'ssm', region: props.region, resource: 'parameter', resourceName: props.parameterName.replace(/^\//, '') }, stack);
    const getParameter = {
      service: 'SSM',
      action: 'getParameter',
      region: props.region,
      parameters: { Name: props.parameterName },
      physicalResourceId: PhysicalResourceId.of(props.parameterName),
      outputPaths: ['Parameter.Value'],
    };
    const read = new AwsCustomResource(this, 'Read', {
      resourceType: 'Custom::WebAclArn',
      onCreate: getParameter,
      onUpdate: getParameter,
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      installLatestAwsSdk: false,
      memorySize: 128,
    });
    this.arn = read.getResponseField('Parameter.Value');
  }
}
