import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnSubscription } from 'aws-cdk-lib/aws-sns';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';
import { rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { JOBS, ROUTES, type FunctionName } from '../shared/routes.ts';
import type { MonitorAojStack } from './stack.ts';

/**
 * Every cdk-nag finding this stack accepts, with the reason, in one place (docs/deploy.md, "Security
 * checks", lists them). Each is acknowledged on the resource it concerns (cdk-nag 3 uses CDK's
 * `Validations.of(construct).acknowledge`; NagSuppressions is gone), never on the whole stack. IAM
 * findings are acknowledged one by one (`AwsSolutions-IAM5[Action::s3:List*]`), like `appliesTo` in
 * cdk-nag 2, so a new wildcard still fails the check.
 *
 * A suppression that no longer matches a finding fails the synth: the list cannot go stale.
 */

export const MIN_REASON_LENGTH = 20;

/** The API routes that are public on purpose (anonymous Regioscan and regional pages). A new route is not. */
export const PUBLIC_ROUTES: readonly string[] = [
  'POST /api/regioscan/stap',
  'POST /api/regioscan',
  'GET /api/regioscan/uitkomst/{submissionId}',
  'GET /api/gebieden/zoek',
  'GET /api/gebieden/vergelijk',
];

export const REASONS = {
  publicRoutes:
    'Public route of the anonymous Regioscan and regional pages: no sign-in by design; protected by stage throttling and input validation instead.',
  geoRestriction:
    'Dutch public service that must stay reachable from abroad (travel, border regions, VPNs); a geo restriction would lock out legitimate users.',
  waf: 'WAF is not set up yet (known limit, docs/deploy.md): a CloudFront web ACL must live in us-east-1; the API is throttled per stage meanwhile.',
  cloudFrontLogs:
    'CloudFront standard logs record every visitor IP address and user agent, personal data the service does not need (AVG data minimisation); the API keeps its own access log without them.',
  defaultCertificate:
    'No custom domain in this environment: the default *.cloudfront.net certificate applies, whose TLS policy CloudFront fixes. With settings.customDomain the distribution enforces TLSv1.2_2021.',
  siteBucketLogs:
    'The site bucket holds only the public static site; it is read only by CloudFront (OAC) and written only by deploys and the site build, so server access logs add no audit value.',
  importsBucketLogs:
    'Known limit (docs/deploy.md): per-object access to the imports bucket is not logged; the bucket is versioned, so every overwrite or delete stays recoverable, and CloudTrail S3 data events can be enabled account-wide when an audit trail is required.',
  deadLetterQueue:
    'This queue is itself the dead-letter queue of a job (EventBridge target DLQ and Lambda on-failure destination), watched by an alarm; it needs no dead-letter queue of its own.',
  alarmEmail:
    'Email subscription of the alarm topic: SNS retries email delivery itself, and a dead-letter queue would need yet another channel to be noticed; the alarms stay visible in CloudWatch.',
  nodeRuntime:
    'Node.js 22 is the runtime pinned project-wide (package.json engines, the node devDependency, the esbuild target); moving to Node.js 24 is a deliberate upgrade of its own.',
  syncFunction:
    'Invoked synchronously by API Gateway only: the caller gets the error response; a dead-letter queue applies to asynchronous invocations only.',
  jobFunction:
    'Asynchronous failures (schedule, S3 upload) go to the job SQS on-failure destination (configureAsyncInvoke), which supersedes a dead-letter queue and raises an alarm.',
  tracing:
    'X-Ray tracing is not used: structured logs, error alarms and the API access log cover these few functions; tracing would add cost and an xray wildcard permission.',
  tableIndexes:
    "CDK's DynamoDB grants include the indexes of the stack's single table (<table>/index/*), which the mail queue index needs; no other table is reachable.",
  importsBucketGrant:
    "CDK's S3 grants use action groups (s3:GetObject*, s3:List*, ...) on the objects of this stack's own imports bucket only (published/* alone for readers of snapshots).",
  siteBuildGrants:
    "The site build runs 'aws s3 sync --delete' into the site bucket and reads published snapshots: CDK's S3 action groups on the objects of these two stack buckets only.",
  codeBuildDefaults:
    "CodeBuild's default project policy: report groups named after this project (<project>-*) and log streams of its own /aws/codebuild/<project> log group.",
  codeBuildKms:
    'The project produces no build artifacts (it syncs to the SSE-S3 site bucket); CodeBuild encrypts its source and logs with AWS-managed keys, a customer-managed key adds cost for no gain.',
  helperManagedRole:
    'CDK-provided deploy-time helper function: aws-cdk-lib attaches AWSLambdaBasicExecutionRole to its role and offers no way to replace it.',
  helperRuntime: 'Runtime of a CDK-provided helper function, chosen by aws-cdk-lib; it moves with CDK upgrades, not with this project.',
  helperDlq:
    'CDK custom-resource handler invoked by CloudFormation during a deploy: a failure fails the deployment visibly, a dead-letter queue would add nothing.',
  helperTracing: 'Deploy-time CDK helper function: X-Ray tracing is not used (nor for the project functions).',
  bucketDeploymentGrants:
    "CDK's BucketDeployment handler copies the site from the CDK asset bucket into the site bucket (S3 action groups) and invalidates CloudFront (cloudfront:*Invalidation takes no resource).",
} as const;

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.length < MIN_REASON_LENGTH) throw new Error(`Suppression ${id} on ${scope.node.path}: reason too short`);
  Validations.of(scope).acknowledge({ id, reason });
}

/** A rule that reports several findings per resource, each acknowledged as `rule[finding]`. */
const FINDING_RULES = {
  'AwsSolutions-IAM4': rules.iam.IAMNoManagedPolicies,
  'AwsSolutions-IAM5': rules.iam.IAMNoWildcardPermissions,
} as const;

/**
 * Acknowledges the findings of `ruleId` on the resources under `scope` that match one of `patterns`
 * (exact strings or regular expressions), and only those. Throws if a pattern matches nothing, unless
 * `optional` (functions whose grants differ by `access`).
 */
function acknowledgeFindings(
  scope: IConstruct,
  ruleId: keyof typeof FINDING_RULES,
  patterns: readonly (string | RegExp)[],
  reason: string,
  options: { optional?: boolean } = {},
): void {
  const unused = new Set(patterns);
  for (const node of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(node)) continue;
    const result = FINDING_RULES[ruleId](node);
    if (!Array.isArray(result)) continue;
    for (const finding of result) {
      const pattern = patterns.find((p) => (typeof p === 'string' ? p === finding : p.test(finding)));
      if (pattern === undefined) continue;
      unused.delete(pattern);
      acknowledge(node, `${ruleId}[${finding}]`, reason);
    }
  }
  if (unused.size > 0 && !options.optional) {
    throw new Error(`Stale cdk-nag suppression on ${scope.node.path}: ${ruleId} ${[...unused].join(', ')} matches no finding (infra/nag-suppressions.ts)`);
  }
}

/** The one child of the stack whose id starts with `prefix` (CDK's singleton helpers carry a hash). */
function helper(stack: Stack, prefix: string): IConstruct {
  const found = stack.node.children.filter((c) => c.node.id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`Expected one CDK helper ${prefix}* in ${stack.node.path}, found ${found.length} (infra/nag-suppressions.ts)`);
  return found[0]!;
}

const BASIC_EXECUTION_ROLE = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
/** What CDK's S3 grants expand to (grantRead, grantReadWrite). */
const S3_ACTION_GROUPS = ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*'];
const S3_WRITE_ACTION_GROUPS = ['Action::s3:DeleteObject*', 'Action::s3:Abort*'];

/** Applies every accepted finding to one Monitor AOJ stack. */
export function addNagSuppressions(stack: MonitorAojStack): void {
  const ref = (construct: IConstruct): string => `<${stack.getLogicalId(construct.node.defaultChild as CfnResource)}.Arn>`;
  const table = ref(stack.data.table);
  const importsBucket = ref(stack.imports.bucket);
  const siteBucket = ref(stack.site.bucket);

  // API: the public routes, each by its route key.
  for (const child of stack.api.httpApi.node.children) {
    const route = child.node.defaultChild;
    if (route instanceof CfnRoute && PUBLIC_ROUTES.includes(route.routeKey)) acknowledge(route, 'AwsSolutions-APIG4', REASONS.publicRoutes);
  }
  const routeKeys = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
  for (const key of PUBLIC_ROUTES) if (!routeKeys.has(key)) throw new Error(`PUBLIC_ROUTES lists ${key}, which shared/routes.ts no longer has`);

  // CloudFront.
  const distribution = stack.site.distribution;
  acknowledge(distribution, 'AwsSolutions-CFR1', REASONS.geoRestriction);
  acknowledge(distribution, 'AwsSolutions-CFR2', REASONS.waf);
  acknowledge(distribution, 'AwsSolutions-CFR3', REASONS.cloudFrontLogs);
  if (!stack.settings.customDomain) acknowledge(distribution, 'AwsSolutions-CFR4', REASONS.defaultCertificate);

  // Buckets.
  acknowledge(stack.site.bucket, 'AwsSolutions-S1', REASONS.siteBucketLogs);
  acknowledge(stack.imports.bucket, 'AwsSolutions-S1', REASONS.importsBucketLogs);

  // Dead-letter queues of the jobs.
  for (const queue of stack.jobs.deadLetterQueues.values()) {
    acknowledge(queue, 'AwsSolutions-SQS3', REASONS.deadLetterQueue);
    acknowledge(queue, 'Serverless-SQSRedrivePolicy', REASONS.deadLetterQueue);
  }

  // The alarm email (only when settings.alarmEmail is set).
  for (const subscription of stack.alarms.topic?.node.findAll() ?? []) {
    if (subscription instanceof CfnSubscription) acknowledge(subscription, 'Serverless-SNSRedrivePolicy', REASONS.alarmEmail);
  }

  // The project's functions.
  const routed = new Set<FunctionName>(ROUTES.map((r) => r.function));
  for (const [name, fn] of stack.functions.byName) {
    acknowledge(fn, 'AwsSolutions-L1', REASONS.nodeRuntime);
    acknowledge(fn, 'Serverless-LambdaLatestVersion', REASONS.nodeRuntime);
    acknowledge(fn, 'Serverless-LambdaTracing', REASONS.tracing);
    if ((JOBS as readonly FunctionName[]).includes(name)) acknowledge(fn, 'Serverless-LambdaDLQ', REASONS.jobFunction);
    else if (routed.has(name)) acknowledge(fn, 'Serverless-LambdaDLQ', REASONS.syncFunction);
    // Which of these a role has depends on the function's `access`.
    const role = fn.role!;
    acknowledgeFindings(role, 'AwsSolutions-IAM5', [`Resource::${table}/index/*`], REASONS.tableIndexes, { optional: true });
    acknowledgeFindings(
      role,
      'AwsSolutions-IAM5',
      [...S3_ACTION_GROUPS, ...S3_WRITE_ACTION_GROUPS, `Resource::${importsBucket}/*`, `Resource::${importsBucket}/published/*`],
      REASONS.importsBucketGrant,
      { optional: true },
    );
  }

  // The site build (CodeBuild).
  const project = stack.siteBuild.project;
  acknowledge(project, 'AwsSolutions-CB4', REASONS.codeBuildKms);
  acknowledgeFindings(project, 'AwsSolutions-IAM5', [`Resource::${table}/index/*`], REASONS.tableIndexes);
  acknowledgeFindings(
    project,
    'AwsSolutions-IAM5',
    [...S3_ACTION_GROUPS, ...S3_WRITE_ACTION_GROUPS, `Resource::${siteBucket}/*`, `Resource::${importsBucket}/*`],
    REASONS.siteBuildGrants,
  );
  const projectRef = `<${stack.getLogicalId(project.node.defaultChild as CfnResource)}>`;
  acknowledgeFindings(
    project,
    'AwsSolutions-IAM5',
    [
      // Account and partition are literals or <AWS::AccountId>, <AWS::Partition>.
      new RegExp(`^Resource::arn:\\S+:codebuild:\\S+:report-group/${escape(projectRef)}-\\*$`),
      new RegExp(`^Resource::arn:\\S+:logs:\\S+:log-group:/aws/codebuild/${escape(projectRef)}:\\*$`),
    ],
    REASONS.codeBuildDefaults,
  );

  // CDK's own helper functions.
  const bucketDeployment = helper(stack, 'Custom::CDKBucketDeployment');
  const notifications = helper(stack, 'BucketNotificationsHandler');
  const customResource = helper(stack, `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
  for (const scope of [bucketDeployment, notifications, customResource]) {
    acknowledgeFindings(scope, 'AwsSolutions-IAM4', [BASIC_EXECUTION_ROLE], REASONS.helperManagedRole);
  }
  for (const scope of [bucketDeployment, customResource]) {
    acknowledge(scope, 'Serverless-LambdaDLQ', REASONS.helperDlq);
    acknowledge(scope, 'Serverless-LambdaTracing', REASONS.helperTracing);
  }
  acknowledge(bucketDeployment, 'AwsSolutions-L1', REASONS.helperRuntime);
  acknowledge(bucketDeployment, 'Serverless-LambdaLatestVersion', REASONS.helperRuntime);
  acknowledgeFindings(
    bucketDeployment,
    'AwsSolutions-IAM5',
    [
      ...S3_ACTION_GROUPS,
      ...S3_WRITE_ACTION_GROUPS,
      `Resource::${siteBucket}/*`,
      'Resource::*',
      new RegExp(`^Resource::arn:\\S+:s3:::cdk-[a-z0-9]+-assets-[^/]+/\\*$`),
    ],
    REASONS.bucketDeploymentGrants,
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
