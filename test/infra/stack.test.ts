import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ERRORS } from '../../shared/http/errors.ts';
import { DEAD_MAIL_METRIC, METRIC_NAMESPACE, SERVICE_NAME } from '../../shared/mail/events.ts';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSettings, type Settings } from '../../infra/environments.ts';
import { ORIGIN_CHECK_CACHE_TTL, ORIGIN_CHECK_CONCURRENCY } from '../../infra/constructs/origin-check.ts';
import { PATH_REWRITE_CODE } from '../../infra/constructs/site.ts';
import { ORIGIN_VERIFY_HEADER } from '../../infra/origin-check/handler.ts';
import { API_RATE_LIMIT_PER_5_MINUTES, COMMON_RULES_COUNTED, WAF_REGION, webAclParameterName } from '../../infra/waf-stack.ts';
import { runtimeSchema } from '../../shared/config/runtime.ts';
import { FUNCTIONS, JOBS, matchRoute, ROUTES, type FunctionDefinition, type FunctionName } from '../../shared/routes.ts';
import { TABLE_KEYS } from '../../shared/store/table.ts';
import { CONTENT_SECURITY_POLICY, HSTS_MAX_AGE_SECONDS, SECURITY_HEADERS } from '../../shared/web/security-headers.ts';
import { findCycle, synth, type Synthesized } from './synth.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const definition = (name: FunctionName): FunctionDefinition => FUNCTIONS[name];

function resourcesOf(s: Synthesized, type: string): Record<string, Resource> {
  return s.template.findResources(type) as Record<string, Resource>;
}

function functionIds(s: Synthesized): Map<FunctionName, string> {
  return new Map(FUNCTION_NAMES.map((name) => [name, s.stack.getLogicalId(s.stack.functions.get(name).node.defaultChild as CfnFunction)]));
}

/** IAM statements attached to a project function's role. */
function statementsOf(s: Synthesized, name: FunctionName): { Action: string | string[]; Resource: unknown; Effect: string }[] {
  const fn = resourcesOf(s, 'AWS::Lambda::Function')[functionIds(s).get(name)!]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(resourcesOf(s, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (s: Synthesized, name: FunctionName) => statementsOf(s, name).flatMap((st) => [st.Action].flat());

const environments: [string, Settings][] = [
  ['test', loadSettings('test', {})],
  ['prod', loadSettings('prod', {})],
];

describe.each(environments)('stack for %s', (envName, settings) => {
  const s = synth(envName, settings);
  const ids = functionIds(s);

  it('has no dependency cycle between resources', () => {
    expect(findCycle(s.template)).toBeUndefined();
  });

  describe('functions', () => {
    it('creates exactly one function per FUNCTIONS entry, Node.js 22 on arm64, sized as defined', () => {
      const functions = resourcesOf(s, 'AWS::Lambda::Function');
      expect(new Set(ids.values()).size).toBe(FUNCTION_NAMES.length);
      for (const [name, id] of ids) {
        const props = functions[id]!.Properties;
        expect(props).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          MemorySize: definition(name).memoryMb,
          Timeout: definition(name).timeoutSeconds,
          Description: definition(name).description,
        });
        expect(props.LoggingConfig.LogGroup).toEqual({ Ref: expect.any(String) });
      }
      // Apart from ours, only CDK's own helpers: site upload, bucket notifications, the rebuild
      // after a deploy (StartBuild), and bucket cleanup (test only).
      const originCheckId = s.stack.getLogicalId(s.stack.api.originCheck.function.node.defaultChild as never);
      expect(functions[originCheckId]).toBeDefined();
      const others = Object.entries(functions).filter(([id]) => ![...ids.values(), originCheckId].includes(id));
      expect(others.length).toBe(settings.retainData ? 3 : 4);
    });

    it('reserves concurrency as shared/routes.ts declares: a little for every job, a cap on every public form', () => {
      const functions = resourcesOf(s, 'AWS::Lambda::Function');
      for (const [name, id] of ids) {
        expect(functions[id]!.Properties.ReservedConcurrentExecutions, name).toBe(definition(name).reservedConcurrency);
      }
      const reserved = (name: FunctionName) => functions[ids.get(name)!]!.Properties.ReservedConcurrentExecutions as number | undefined;
      // Jobs always find room, and run only a few copies at once.
      for (const name of JOBS) expect(reserved(name), name).toBeGreaterThanOrEqual(1);
      for (const name of JOBS) expect(reserved(name), name).toBeLessThanOrEqual(2);
      expect(reserved('benchmark')).toBe(1);
      // Every function behind a public form post is capped.
      const formFunctions = new Set(ROUTES.filter((r) => r.access === 'public' && r.method === 'POST').map((r) => r.function));
      expect(formFunctions.size).toBeGreaterThan(0);
      for (const name of formFunctions) expect(reserved(name), name).toBeGreaterThan(0);
      // Lambda keeps 100 of the account's quota unreserved: the default quota of 1,000 leaves ample room.
      const total = FUNCTION_NAMES.reduce((sum, name) => sum + (reserved(name) ?? 0), 0);
      expect(total).toBeLessThanOrEqual(200);
    });

    it('sets the runtime environment of shared/config/runtime.ts from the settings', () => {
      const functions = resourcesOf(s, 'AWS::Lambda::Function');
      const required = Object.entries(runtimeSchema.shape)
        .filter(([, schema]) => !schema.safeParse(undefined).success)
        .map(([key]) => key);
      expect(required).toEqual(expect.arrayContaining(['TABLE_NAME', 'PUBLIC_URL', 'MAIL_FROM']));
      const tableId = s.stack.getLogicalId(s.stack.data.table.node.defaultChild as never);
      for (const id of ids.values()) {
        const vars = functions[id]!.Properties.Environment.Variables as Record<string, unknown>;
        for (const key of required) expect(vars[key], key).toBeDefined();
        expect(Object.keys(vars).every((k) => k in runtimeSchema.shape)).toBe(true);
        expect(vars.TABLE_NAME).toEqual({ Ref: tableId });
        expect(vars.MAIL_FROM).toBe(settings.ses.fromAddress);
        expect(vars.SES_CONFIGURATION_SET).toEqual({ Ref: expect.stringMatching(/^MailConfigurationSet/) });
        // No custom domain: the links in emails point at the CloudFront domain.
        expect(JSON.stringify(vars.PUBLIC_URL)).toMatch(/https:\/\/.*SiteDistribution.*DomainName/);
      }
    });

    it('grants table and mail access exactly as `access` says', () => {
      for (const name of FUNCTION_NAMES) {
        const actions = actionsOf(s, name);
        const access: readonly string[] = definition(name).access;
        expect(actions.includes('dynamodb:GetItem'), `${name} read`).toBe(access.includes('table-read'));
        expect(actions.includes('dynamodb:PutItem'), `${name} write`).toBe(access.includes('table-write'));
        expect(actions.includes('ses:SendEmail'), `${name} mail`).toBe(access.includes('send-mail'));
      }
    });

    it('limits sending to the SES identity and the configuration set', () => {
      const sender = FUNCTION_NAMES.find((n) => (definition(n).access as readonly string[]).includes('send-mail'))!;
      const statement = statementsOf(s, sender).find((st) => [st.Action].flat().includes('ses:SendEmail'))!;
      expect([statement.Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(`:identity/${settings.ses.identity}`);
      expect(resources).toContain(`:configuration-set/${settings.ses.configurationSetName}`);
      expect(resources).not.toContain('*');
    });

    it('keeps logs for the configured period', () => {
      for (const group of Object.values(resourcesOf(s, 'AWS::Logs::LogGroup'))) {
        expect(group.Properties.RetentionInDays).toBe(settings.logRetentionDays);
      }
    });
  });

  describe('data', () => {
    it('has one on-demand table with PITR, TTL and the queue index, kept on stack deletion', () => {
      const tables = Object.values(resourcesOf(s, 'AWS::DynamoDB::Table'));
      expect(tables).toHaveLength(1);
      const table = tables[0]!;
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE_KEYS.queueIndex.name,
            KeySchema: [
              { AttributeName: TABLE_KEYS.queueIndex.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE_KEYS.queueIndex.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      });
      expect(table.Properties.DeletionProtectionEnabled ?? false).toBe(settings.retainData);
    });
  });

  describe('mail', () => {
    it('creates the configuration set with suppression and reputation metrics', () => {
      s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
        Name: settings.ses.configurationSetName,
        SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
        ReputationOptions: { ReputationMetricsEnabled: true },
      });
    });
  });

  describe('api', () => {
    const routes = Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Route'));
    const integrations = resourcesOf(s, 'AWS::ApiGatewayV2::Integration');

    it('has exactly the routes of shared/routes.ts (route table parity)', () => {
      const inTemplate = routes.map((r) => r.Properties.RouteKey as string).sort();
      expect(inTemplate).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    });

    it('sends each route to its function, and the local router resolves every deployed route the same way', () => {
      const nameById = new Map([...ids].map(([name, id]) => [id, name]));
      for (const route of routes) {
        const [method, path] = (route.Properties.RouteKey as string).split(' ') as [string, string];
        const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
        const integration = integrations[integrationId]!.Properties;
        expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
        const deployed = nameById.get(integration.IntegrationUri['Fn::GetAtt'][0]);
        const samplePath = path.replace(/\{(\w+)\}/g, 'sample-$1');
        const local = matchRoute(method, samplePath);
        expect(local, route.Properties.RouteKey).toBeDefined();
        expect(local!.route.function).toBe(deployed);
        for (const param of path.matchAll(/\{(\w+)\}/g)) expect(local!.pathParameters[param[1]!]).toBe(`sample-${param[1]}`);
      }
    });

    it('throttles every route by default and logs access without personal data', () => {
      const stage = Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties;
      expect(stage).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingRateLimit: settings.apiThrottle.rateLimit,
          ThrottlingBurstLimit: settings.apiThrottle.burstLimit,
        },
      });
      const format = stage.AccessLogSettings.Format as string;
      expect(format).toContain('$context.requestId');
      expect(format).not.toMatch(/sourceIp|userAgent|querystring/i);
    });

    it('lets only IAM-signed requests reach operator routes; every other route is public on purpose (behind the origin check only)', () => {
      const authorizers = Object.keys(resourcesOf(s, 'AWS::ApiGatewayV2::Authorizer'));
      expect(authorizers).toHaveLength(1);
      const originCheckId = authorizers[0];
      for (const route of routes) {
        const key = route.Properties.RouteKey as string;
        const definition = ROUTES.find((r) => `${r.method} ${r.path}` === key)!;
        if (definition.access === 'operator') expect(route.Properties.AuthorizationType, key).toBe('AWS_IAM');
        else expect(route.Properties, key).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: originCheckId } });
      }
      // No operator route without IAM, and every /api/beheer path is an operator route.
      expect(routes.filter((r) => (r.Properties.RouteKey as string).includes('/api/beheer')).every((r) => r.Properties.AuthorizationType === 'AWS_IAM')).toBe(true);
      expect(ROUTES.filter((r) => r.path.startsWith('/api/beheer')).every((r) => r.access === 'operator')).toBe(true);
    });

    it('throttles every public form post tighter than the default', () => {
      const stage = Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties;
      const posts = ROUTES.filter((r) => r.access === 'public' && r.method === 'POST').map((r) => `${r.method} ${r.path}`);
      expect(Object.keys(stage.RouteSettings).sort()).toEqual(posts.sort());
      for (const key of posts) expect(stage.RouteSettings[key]).toEqual({ ThrottlingRateLimit: settings.postThrottle.rateLimit, ThrottlingBurstLimit: settings.postThrottle.burstLimit });
      expect(settings.postThrottle.rateLimit).toBeLessThan(settings.apiThrottle.rateLimit);
    });

    it('answers public routes only through CloudFront: an origin check on the secret header CloudFront adds, before any handler', () => {
      const [authorizerId, authorizer] = Object.entries(resourcesOf(s, 'AWS::ApiGatewayV2::Authorizer'))[0]!;
      const checkFnId = s.stack.getLogicalId(s.stack.api.originCheck.function.node.defaultChild as never);
      const secretId = s.stack.getLogicalId(s.stack.api.originCheck.secret.node.defaultChild as never);
      expect(authorizer.Properties).toMatchObject({
        AuthorizerType: 'REQUEST',
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        // Without the header API Gateway answers 401 itself; a positive answer is cached per value.
        IdentitySource: [`$request.header.${ORIGIN_VERIFY_HEADER}`],
        AuthorizerResultTtlInSeconds: ORIGIN_CHECK_CACHE_TTL.toSeconds(),
      });
      expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(checkFnId);
      expect(ORIGIN_CHECK_CACHE_TTL.toSeconds()).toBeGreaterThan(0);
      expect(ORIGIN_CHECK_CACHE_TTL.toSeconds()).toBeLessThanOrEqual(3600);
      // Every public route goes through it, no operator route does.
      const publicKeys = ROUTES.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`).sort();
      const checked = routes.filter((r) => r.Properties.AuthorizerId?.Ref === authorizerId).map((r) => r.Properties.RouteKey as string).sort();
      expect(checked).toEqual(publicKeys);
      expect(routes.every((r) => r.Properties.AuthorizationType === 'CUSTOM' || r.Properties.AuthorizationType === 'AWS_IAM')).toBe(true);

      // CloudFront adds the header to every /api/* request, its value a dynamic reference to the generated secret.
      const config = Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
      const apiOrigin = config.Origins.find((o: any) => o.Id === config.CacheBehaviors[0].TargetOriginId);
      expect(apiOrigin.OriginCustomHeaders).toEqual([
        { HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] } },
      ]);
      const secret = resourcesOf(s, 'AWS::SecretsManager::Secret')[secretId]!;
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
      expect(secret.Properties.SecretString).toBeUndefined();
      // The S3 origin gets no such header.
      expect(config.Origins.filter((o: any) => o.OriginCustomHeaders)).toHaveLength(1);

      // The check reads the secret from Secrets Manager (never from its environment), and nothing else.
      const fn = resourcesOf(s, 'AWS::Lambda::Function')[checkFnId]!.Properties;
      expect(fn.Environment.Variables).toEqual({ ORIGIN_SECRET_ARN: { Ref: secretId } });
      expect(fn.ReservedConcurrentExecutions).toBe(ORIGIN_CHECK_CONCURRENCY);
      const roleId = fn.Role['Fn::GetAtt'][0] as string;
      const statements = Object.values(resourcesOf(s, 'AWS::IAM::Policy'))
        .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
      const secretStatements = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('secretsmanager:')));
      expect(secretStatements).toEqual([expect.objectContaining({ Resource: { Ref: secretId } })]);
      expect(statements.flatMap((st) => [st.Action].flat()).filter((a) => !/^(secretsmanager|logs):/.test(a))).toEqual([]);
      // Its errors raise an alarm like any function's.
      const alarms = Object.values(resourcesOf(s, 'AWS::CloudWatch::Alarm'));
      expect(alarms.some((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(checkFnId))).toBe(true);
    });

    it('keeps the token key in Secrets Manager: generated there, retained, readable only by the functions that need it', () => {
      // The token key and the origin check's header value.
      const secrets = Object.entries(resourcesOf(s, 'AWS::SecretsManager::Secret'));
      expect(secrets).toHaveLength(2);
      const tokenKeyId = s.stack.getLogicalId(s.stack.data.tokenKey.node.defaultChild as never);
      const [secretId, secret] = secrets.find(([id]) => id === tokenKeyId)!;
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
      expect(secret.Properties.SecretString).toBeUndefined();
      expect(secret.DeletionPolicy).toBe('Retain');
      const functions = resourcesOf(s, 'AWS::Lambda::Function');
      for (const [name, id] of ids) {
        const env = functions[id]!.Properties.Environment.Variables as Record<string, unknown>;
        expect(env.TOKEN_KEY, name).toBeUndefined();
        const needs = definition(name).access.includes('token-key');
        expect(env.TOKEN_KEY_SECRET_ARN === undefined, name).toBe(!needs);
        if (needs) expect(env.TOKEN_KEY_SECRET_ARN).toEqual({ Ref: secretId });
        const reads = statementsOf(s, name).some((st) => [st.Action].flat().includes('secretsmanager:GetSecretValue'));
        expect(reads, name).toBe(needs);
      }
    });
  });

  describe('jobs', () => {
    it('schedules every job with retries and a dead-letter queue, and alarms on dead letters', () => {
      expect(JOBS.length).toBeGreaterThan(0);
      const rules = Object.values(resourcesOf(s, 'AWS::Events::Rule'));
      const queues = resourcesOf(s, 'AWS::SQS::Queue');
      const alarms = Object.values(resourcesOf(s, 'AWS::CloudWatch::Alarm'));
      expect(rules).toHaveLength(JOBS.length);
      for (const name of JOBS) {
        const fnId = ids.get(name)!;
        const rule = rules.find((r) => r.Properties.Targets[0].Arn['Fn::GetAtt'][0] === fnId);
        expect(rule, name).toBeDefined();
        expect(rule!.Properties.ScheduleExpression).toBe(definition(name).schedule);
        expect(rule!.Properties.State).toBe('ENABLED');
        const target = rule!.Properties.Targets[0];
        expect(target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
        const dlqId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
        expect(queues[dlqId]!.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });

        s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: fnId },
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } },
        });
        const alarm = alarms.find((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(dlqId));
        expect(alarm?.Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
      }
    });

    it('alarms on the DeadMail metric (EMF from the outbox), not on log text', () => {
      expect(Object.values(resourcesOf(s, 'AWS::Logs::MetricFilter'))).toHaveLength(0);
      const alarms = Object.values(resourcesOf(s, 'AWS::CloudWatch::Alarm'));
      expect(alarms.find((a) => a.Properties.MetricName === DEAD_MAIL_METRIC)?.Properties).toMatchObject({
        Namespace: METRIC_NAMESPACE,
        Dimensions: [{ Name: 'service', Value: SERVICE_NAME }],
        Statistic: 'Sum',
        Threshold: 1,
      });
    });
  });

  describe('alarms', () => {
    it('lets every alarm notify the alarm topic, which emails the environment\'s alarm address', () => {
      const topics = Object.keys(resourcesOf(s, 'AWS::SNS::Topic'));
      expect(topics).toHaveLength(1);
      const alarms = Object.entries(resourcesOf(s, 'AWS::CloudWatch::Alarm'));
      // One per function (errors), one per job (dead letters) and the dead mail alarm at least.
      expect(alarms.length).toBeGreaterThanOrEqual(FUNCTION_NAMES.length + JOBS.length + 1);
      expect(alarms.length).toBe(s.stack.alarms.all.length);
      for (const [id, alarm] of alarms) {
        expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topics[0] }]);
        expect(alarm.Properties.ActionsEnabled ?? true, id).toBe(true);
      }
      const subscriptions = Object.values(resourcesOf(s, 'AWS::SNS::Subscription'));
      if (settings.alarmEmail) {
        expect(subscriptions).toEqual([
          expect.objectContaining({ Properties: { Protocol: 'email', Endpoint: settings.alarmEmail, TopicArn: { Ref: topics[0] } } }),
        ]);
      } else {
        expect(subscriptions).toEqual([]);
      }
      if (envName === 'prod') expect(settings.alarmEmail).toMatch(/@/);
    });
  });

  describe('site', () => {
    const distribution = () => Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

    it('keeps the bucket private: all public access blocked, TLS-only policy, CloudFront-only reads', () => {
      const bucketId = s.stack.getLogicalId(s.stack.site.bucket.node.defaultChild as never);
      const bucket = resourcesOf(s, 'AWS::S3::Bucket')[bucketId]!;
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
      expect(bucket.Properties.AccessControl).toBeUndefined();
      expect(bucket.DeletionPolicy).toBe(settings.retainData ? 'Retain' : 'Delete');

      const policy = Object.values(resourcesOf(s, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === bucketId)!;
      const statements = policy.Properties.PolicyDocument.Statement as any[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      for (const st of statements.filter((x) => x.Effect === 'Allow')) {
        expect(JSON.stringify(st.Principal)).not.toMatch(/"\*"/);
      }
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject', // read only: no listing, so a missing page is a 403 that becomes the 404 page
        }),
      );
    });

    it('serves the bucket through Origin Access Control, with index pages and a 404 page', () => {
      s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      const config = distribution();
      const s3Origin = config.Origins.find((o: any) => o.S3OriginConfig);
      expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.CustomErrorResponses).toEqual([
        expect.objectContaining({ ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html' }),
      ]);
      // The 403 mapping must never hide an API answer: the API has no 403.
      expect(Object.values(ERRORS).map((e) => e.status)).not.toContain(403);
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
      ]);
    });

    it('forwards /api/* to the HTTP API uncached, all methods, with all viewer headers but Host', () => {
      const config = distribution();
      // /api/* first, then the hashed assets (test/infra/site-delivery.test.ts).
      expect(config.CacheBehaviors).toHaveLength(2);
      const api = config.CacheBehaviors[0];
      expect(api).toMatchObject({
        PathPattern: '/api/*',
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
        AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
        ViewerProtocolPolicy: 'https-only',
      });
      const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
      expect(JSON.stringify(origin.DomainName)).toMatch(/ApiHttpApi.*execute-api/);
    });

    it('adds the security headers of shared/web/security-headers.ts to site and API responses', () => {
      const policies = resourcesOf(s, 'AWS::CloudFront::ResponseHeadersPolicy');
      const [policyId, policy] = Object.entries(policies)[0]!;
      const config = policy.Properties.ResponseHeadersPolicyConfig;
      expect(config.SecurityHeadersConfig).toMatchObject({
        ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
        StrictTransportSecurity: { AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true, Override: true },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: SECURITY_HEADERS['referrer-policy'], Override: true },
      });
      expect(config.CustomHeadersConfig.Items).toContainEqual({
        Header: 'permissions-policy',
        Value: SECURITY_HEADERS['permissions-policy'],
        Override: true,
      });
      const dist = distribution();
      expect(dist.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
      expect(dist.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    });

    it(settings.waf ? 'puts AWS WAF in front of CloudFront: common rule set and a rate limit per IP, from a web ACL in us-east-1' : 'has no WAF (settings.waf is off)', () => {
      const config = distribution();
      if (!settings.waf) {
        expect(s.waf).toBeUndefined();
        expect(config.WebACLId).toBeUndefined();
        expect(s.app.node.children.filter((c) => c instanceof Stack)).toHaveLength(1);
        return;
      }
      // The web ACL: its own stack in us-east-1, scope CLOUDFRONT.
      const waf = s.waf!;
      expect(waf.stack.region).toBe(WAF_REGION);
      expect(WAF_REGION).toBe('us-east-1');
      const acls = Object.entries(waf.template.findResources('AWS::WAFv2::WebACL') as Record<string, Resource>);
      expect(acls).toHaveLength(1);
      const [aclId, acl] = acls[0]!;
      expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
      const rules = acl.Properties.Rules as any[];
      const common = rules.find((r) => r.Statement.ManagedRuleGroupStatement);
      expect(common).toMatchObject({
        OverrideAction: { None: {} },
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
        VisibilityConfig: { CloudWatchMetricsEnabled: true },
      });
      // Only the rules the service bounds itself are counted instead of blocked.
      const counted = (common.Statement.ManagedRuleGroupStatement.RuleActionOverrides ?? []) as any[];
      expect(counted.map((o) => o.Name)).toEqual([...COMMON_RULES_COUNTED]);
      expect(counted.every((o) => o.ActionToUse.Count)).toBe(true);
      const rate = rules.find((r) => r.Statement.RateBasedStatement);
      expect(rate).toMatchObject({
        Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
        Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: API_RATE_LIMIT_PER_5_MINUTES, EvaluationWindowSec: 300 } },
      });
      expect(rate.Statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement).toMatchObject({ SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' });
      expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
      // Its ARN is published in us-east-1 ...
      waf.template.hasResourceProperties('AWS::SSM::Parameter', { Name: webAclParameterName(envName), Value: { 'Fn::GetAtt': [aclId, 'Arn'] } });
      // ... read by the site stack at deploy time, and attached to the distribution.
      const reads = Object.entries(resourcesOf(s, 'Custom::WebAclArn'));
      expect(reads).toHaveLength(1);
      const [readId, read] = reads[0]!;
      for (const phase of ['Create', 'Update']) {
        expect(JSON.parse(read.Properties[phase] as string), phase).toMatchObject({
          service: 'SSM',
          action: 'getParameter',
          region: WAF_REGION,
          parameters: { Name: webAclParameterName(envName) },
          outputPaths: ['Parameter.Value'],
        });
      }
      expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [readId, 'Parameter.Value'] });
      // The read may get that one parameter, nothing else.
      const policies = Object.values(resourcesOf(s, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('ssm:'));
      expect(policies).toHaveLength(1);
      expect(policies[0]!.Properties.PolicyDocument.Statement).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 'ssm:GetParameter' })]);
      expect(JSON.stringify(policies[0]!.Properties.PolicyDocument.Statement[0].Resource)).not.toContain('*');
      expect(JSON.stringify(policies[0]!.Properties.PolicyDocument.Statement[0].Resource)).toContain(`:ssm:${WAF_REGION}:`);
      expect(JSON.stringify(policies[0]!.Properties.PolicyDocument.Statement[0].Resource)).toContain(`parameter${webAclParameterName(envName)}`);
      // The WAF stack deploys first.
      expect(s.stack.dependencies).toContain(waf.stack);
    });

    it('uploads the built site and invalidates the cache', () => {
      s.template.hasResourceProperties('Custom::CDKBucketDeployment', {
        Prune: true,
        DistributionPaths: ['/*'],
        DistributionId: { Ref: Match.stringLikeRegexp('SiteDistribution') },
      });
    });
  });

  it('outputs the site URL, API URL, table name, imports bucket, import function and site build project', () => {
    const outputs = s.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['SiteUrl', 'ApiUrl', 'TableName', 'ImportsBucketName', 'ImportFunctionName', 'SiteBuildProjectName']),
    );
  });
});

describe('stack with a custom domain', () => {
  const settings = parseSettings({
    ses: {
      fromAddress: 'noreply@monitor.example.nl',
      identity: 'monitor.example.nl',
      configurationSetName: 'maoj-x',
      sandboxRecipients: ['tester@example.nl'],
    },
    customDomain: { name: 'monitor.example.nl', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000' },
    retainData: true,
    logRetentionDays: 30,
    apiThrottle: { rateLimit: 10, burstLimit: 20 },
    postThrottle: { rateLimit: 5, burstLimit: 10 },
    operatorEmail: 'beheer@example.nl',
    alarmEmail: 'ops@example.nl',
  });
  const s = synth('custom', settings);

  it('serves the domain with its certificate and TLS 1.2 at least, and links to it in emails', () => {
    const config = Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['monitor.example.nl']);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: settings.customDomain!.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const functions = resourcesOf(s, 'AWS::Lambda::Function');
    for (const id of functionIds(s).values()) {
      expect(functions[id]!.Properties.Environment.Variables.PUBLIC_URL).toBe('https://monitor.example.nl');
    }
  });

  it('also allows sending to the verified recipients of an SES sandbox', () => {
    const sender = FUNCTION_NAMES.find((n) => (definition(n).access as readonly string[]).includes('send-mail'))!;
    const statement = statementsOf(s, sender).find((st) => [st.Action].flat().includes('ses:SendEmail'))!;
    expect(JSON.stringify(statement.Resource)).toContain(':identity/tester@example.nl');
  });

  it('emails alarms to the alarm address', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.nl' });
    for (const alarm of Object.values(resourcesOf(s, 'AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/AlarmsTopic/) }]);
    }
  });
});

describe('CloudFront path rewrite function', () => {
  // The same code CloudFront runs, evaluated here (it only uses plain ES5).
  const handler = new Function(`${PATH_REWRITE_CODE}; return handler;`)() as (event: unknown) => any;
  const run = (uri: string) => handler({ request: { uri, querystring: {}, headers: {} } });

  it('serves index.html for directory paths', () => {
    expect(run('/').uri).toBe('/index.html');
    expect(run('/regioscan/').uri).toBe('/regioscan/index.html');
  });

  it('redirects a path without trailing slash to the directory', () => {
    expect(run('/regioscan')).toMatchObject({ statusCode: 301, headers: { location: { value: '/regioscan/' } } });
  });

  it('leaves files alone', () => {
    expect(run('/css/monitor.css').uri).toBe('/css/monitor.css');
    expect(run('/404.html').uri).toBe('/404.html');
  });
});
