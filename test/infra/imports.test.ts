import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../../infra/environments.ts';
import { SITE_CACHE_CONTROL } from '../../infra/constructs/site.ts';
import { PREFIXES } from '../../shared/imports/prefixes.ts';
import { FUNCTIONS, JOBS, type FunctionDefinition, type FunctionName } from '../../shared/routes.ts';
import { findCycle, synth, type Synthesized } from './synth.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; DependsOn?: string[] };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const IMPORT_FUNCTION: FunctionName = 'indicatorImport';
const hasAccess = (name: FunctionName, access: string) => (FUNCTIONS[name] as FunctionDefinition).access.includes(access as never);

function resourcesOf(s: Synthesized, type: string): Record<string, Resource> {
  return s.template.findResources(type) as Record<string, Resource>;
}
const logicalId = (s: Synthesized, construct: { node: { defaultChild?: unknown } }) => s.stack.getLogicalId(construct.node.defaultChild as never);
const functionId = (s: Synthesized, name: FunctionName) => s.stack.getLogicalId(s.stack.functions.get(name).node.defaultChild as CfnFunction);

/** IAM statements of the policies attached to a role. */
function roleStatements(s: Synthesized, roleId: string): Statement[] {
  return Object.values(resourcesOf(s, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
function functionStatements(s: Synthesized, name: FunctionName): Statement[] {
  const fn = resourcesOf(s, 'AWS::Lambda::Function')[functionId(s, name)]!;
  return roleStatements(s, fn.Properties.Role['Fn::GetAtt'][0] as string);
}
const actions = (statements: Statement[]) => statements.flatMap((st) => [st.Action].flat());
/** Statements whose resources mention a logical id. */
const on = (statements: Statement[], id: string) => statements.filter((st) => JSON.stringify(st.Resource).includes(`"${id}"`));

const environments: [string, Settings][] = [
  ['test', loadSettings('test', {})],
  ['prod', loadSettings('prod', {})],
];

describe.each(environments)('imports and site rebuild for %s', (envName, settings) => {
  const s = synth(envName, settings);
  const bucketId = logicalId(s, s.stack.imports.bucket);
  const projectId = logicalId(s, s.stack.siteBuild.project);
  const importFnId = functionId(s, IMPORT_FUNCTION);
  const project = () => resourcesOf(s, 'AWS::CodeBuild::Project')[projectId]!;

  it('has no dependency cycle between resources', () => {
    expect(findCycle(s.template)).toBeUndefined();
  });

  describe('imports bucket', () => {
    const bucket = () => resourcesOf(s, 'AWS::S3::Bucket')[bucketId]!;

    it('is private, encrypted, versioned and TLS-only, and kept when data is retained', () => {
      const b = bucket();
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ]);
      expect(b.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(b.Properties.WebsiteConfiguration).toBeUndefined();
      expect(b.DeletionPolicy).toBe(settings.retainData ? 'Retain' : 'Delete');

      const policy = Object.values(resourcesOf(s, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === bucketId)!;
      const statements = policy.Properties.PolicyDocument.Statement as any[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      // No public or service principal may read it: only the cleanup role in test.
      for (const st of statements.filter((x) => x.Effect === 'Allow')) {
        expect(JSON.stringify(st.Principal)).toMatch(/AutoDeleteObjects/);
      }
    });

    it('expires quarantine/ and old versions, never accepted/ or published/', () => {
      const rules = bucket().Properties.LifecycleConfiguration.Rules as any[];
      const expiring = rules.filter((r) => r.ExpirationInDays !== undefined || r.ExpirationDate !== undefined);
      expect(expiring).toEqual([expect.objectContaining({ Prefix: PREFIXES.quarantine, ExpirationInDays: 180, Status: 'Enabled' })]);
      expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } }));
      for (const rule of rules) {
        expect(rule.Prefix ?? '', 'no rule may touch accepted/ or published/').not.toMatch(/^(accepted|published)/);
      }
    });

    it('starts the import function on every upload under incoming/', () => {
      const notifications = Object.values(resourcesOf(s, 'Custom::S3BucketNotifications'));
      expect(notifications).toHaveLength(1);
      const config = notifications[0]!.Properties;
      expect(config.BucketName).toEqual({ Ref: bucketId });
      expect(config.NotificationConfiguration).toEqual({
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: PREFIXES.incoming }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [importFnId, 'Arn'] },
          },
        ],
      });
      const permissions = Object.values(resourcesOf(s, 'AWS::Lambda::Permission')).filter((p) => p.Properties.Principal === 's3.amazonaws.com');
      expect(permissions).toHaveLength(1);
      expect(permissions[0]!.Properties).toMatchObject({
        FunctionName: { 'Fn::GetAtt': [importFnId, 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        SourceAccount: '123456789012',
      });
    });

    it('lets only functions with imports-bucket access touch it: read, write, delete and list', () => {
      const functions = resourcesOf(s, 'AWS::Lambda::Function');
      expect(FUNCTION_NAMES.filter((n) => hasAccess(n, 'imports-bucket'))).toContain(IMPORT_FUNCTION);
      for (const name of FUNCTION_NAMES) {
        const granted = actions(on(functionStatements(s, name), bucketId));
        const vars = functions[functionId(s, name)]!.Properties.Environment.Variables;
        if (hasAccess(name, 'imports-bucket')) {
          expect(granted).toEqual(expect.arrayContaining(['s3:GetObject*', 's3:PutObject', 's3:DeleteObject*', 's3:List*']));
          expect(vars.IMPORTS_BUCKET, name).toEqual({ Ref: bucketId });
        } else if (hasAccess(name, 'snapshot-read')) {
          // Read only, and only the published snapshots.
          expect(granted.some((a) => /Put|Delete/.test(a)), name).toBe(false);
          expect(JSON.stringify(on(functionStatements(s, name), bucketId)), name).toContain('/published/*');
          expect(vars.IMPORTS_BUCKET, name).toEqual({ Ref: bucketId });
        } else {
          expect(granted, name).toEqual([]);
          expect(vars.IMPORTS_BUCKET, name).toBeUndefined();
        }
      }
    });
  });

  describe('site rebuild', () => {
    const siteBucketId = logicalId(s, s.stack.site.bucket);
    const distributionId = logicalId(s, s.stack.site.distribution);
    const buildspec = () => JSON.parse(project().Properties.Source.BuildSpec as string);
    const commands = (): string[] => Object.values(buildspec().phases as Record<string, { commands: string[] }>).flatMap((p) => p.commands);

    it('runs the import every night at 02:00 UTC', () => {
      expect(JOBS).toContain(IMPORT_FUNCTION);
      const rule = Object.values(resourcesOf(s, 'AWS::Events::Rule')).find((r) => r.Properties.Targets[0].Arn['Fn::GetAtt'][0] === importFnId);
      expect(rule?.Properties.ScheduleExpression).toBe('cron(0 2 * * ? *)');
    });

    it('has a CodeBuild project named after the stack, on the standard image, 30 minutes at most, with logs', () => {
      expect(s.stack.siteBuild.projectName).toBe(`MonitorAoj-${envName}-site-build`);
      expect(project().Properties).toMatchObject({
        Name: `MonitorAoj-${envName}-site-build`,
        TimeoutInMinutes: 30,
        Environment: { Image: 'aws/codebuild/standard:7.0', Type: 'LINUX_CONTAINER', PrivilegedMode: false },
        LogsConfig: { CloudWatchLogs: { Status: 'ENABLED', GroupName: { Ref: expect.stringMatching(/^SiteBuildLogs/) } } },
        Source: { Type: 'S3' },
      });
    });

    it('builds from the live snapshot, then syncs to the site bucket and invalidates, in one phase and in that order', () => {
      const all = commands();
      const at = (pattern: RegExp) => all.findIndex((c) => pattern.test(c));
      expect(all).toContain('npm ci --no-audit --no-fund');
      const build = at(/^SNAPSHOT_SOURCE=live npm run build:site$/);
      const sync = at(/^aws s3 sync site\/dist "s3:\/\/\$SITE_BUCKET\/" --delete /);
      const invalidate = at(/^aws cloudfront create-invalidation --distribution-id "\$DISTRIBUTION_ID" --paths "\/\*"$/);
      expect(at(/^npm ci/)).toBeLessThan(build);
      expect(build).toBeGreaterThanOrEqual(0);
      expect(sync).toBeGreaterThan(build);
      expect(invalidate).toBeGreaterThan(sync);
      expect(all[sync]).toContain(`--cache-control "${SITE_CACHE_CONTROL}"`);
      // post_build would run even after a failed build and sync a broken site/dist.
      expect(buildspec().phases.post_build).toBeUndefined();
      expect(buildspec().phases.build.commands).toEqual(expect.arrayContaining([all[build], all[sync], all[invalidate]]));
    });

    it('gets the bucket, distribution, table and imports bucket as environment variables', () => {
      const vars = Object.fromEntries(
        (project().Properties.Environment.EnvironmentVariables as { Name: string; Value: unknown; Type: string }[]).map((v) => [v.Name, v.Value]),
      );
      expect(vars).toMatchObject({
        SITE_BUCKET: { Ref: siteBucketId },
        DISTRIBUTION_ID: { Ref: distributionId },
        TABLE_NAME: { Ref: logicalId(s, s.stack.data.table) },
        IMPORTS_BUCKET: { Ref: bucketId },
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        ASTRO_TELEMETRY_DISABLED: '1',
      });
    });

    it('may write and delete in the site bucket, invalidate the distribution, and only read the data', () => {
      const statements = roleStatements(s, project().Properties.ServiceRole['Fn::GetAtt'][0] as string);
      expect(actions(on(statements, siteBucketId))).toEqual(expect.arrayContaining(['s3:PutObject', 's3:DeleteObject*', 's3:List*']));
      const invalidation = statements.find((st) => [st.Action].flat().includes('cloudfront:CreateInvalidation'))!;
      expect(JSON.stringify(invalidation.Resource)).toMatch(new RegExp(`:distribution/.*"Ref":"${distributionId}"`));
      const importsActions = actions(on(statements, bucketId));
      expect(importsActions).toContain('s3:GetObject*');
      expect(importsActions.filter((a) => /Put|Delete/.test(a))).toEqual([]);
      const tableActions = actions(on(statements, logicalId(s, s.stack.data.table)));
      expect(tableActions).toContain('dynamodb:GetItem');
      expect(tableActions.filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
    });

    it('is given to the import function (SITE_BUILD_PROJECT) with codebuild:StartBuild on exactly that project', () => {
      const functions = resourcesOf(s, 'AWS::Lambda::Function');
      expect(hasAccess(IMPORT_FUNCTION, 'site-build')).toBe(true);
      for (const name of FUNCTION_NAMES) {
        const vars = functions[functionId(s, name)]!.Properties.Environment.Variables;
        const starts = functionStatements(s, name).filter((st) => [st.Action].flat().some((a) => a.startsWith('codebuild:')));
        if (hasAccess(name, 'site-build')) {
          expect(vars.SITE_BUILD_PROJECT).toBe(project().Properties.Name);
          expect(starts).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 'codebuild:StartBuild', Resource: { 'Fn::GetAtt': [projectId, 'Arn'] } })]);
        } else {
          expect(vars.SITE_BUILD_PROJECT, name).toBeUndefined();
          expect(starts, name).toEqual([]);
        }
      }
    });

    it('also rebuilds after a deploy, once the deploy has uploaded its own build', () => {
      const rebuilds = Object.entries(resourcesOf(s, 'Custom::AWS'));
      expect(rebuilds).toHaveLength(1);
      const [, rebuild] = rebuilds[0]!;
      for (const key of ['Create', 'Update']) {
        const call = JSON.parse(rebuild.Properties[key] as string);
        expect(call).toMatchObject({ service: 'CodeBuild', action: 'StartBuild', parameters: { projectName: project().Properties.Name } });
        expect(call.outputPaths).toEqual(['build.id']);
      }
      const deployment = Object.keys(resourcesOf(s, 'Custom::CDKBucketDeployment'))[0]!;
      expect(rebuild.DependsOn).toEqual(expect.arrayContaining([deployment, projectId]));
    });

    it('builds from a copy of the repository without installed packages, build output or local data', () => {
      const location = project().Properties.Source.Location as string;
      const hash = /\/([0-9a-f]{64})\.zip$/.exec(location)?.[1];
      expect(hash, location).toBeDefined();
      const staged = path.join(s.outdir, `asset.${hash}`);
      for (const needed of ['package.json', 'package-lock.json', 'scripts/build-site.ts', 'shared/routes.ts', 'site/astro.config.mjs']) {
        expect(existsSync(path.join(staged, needed)), needed).toBe(true);
      }
      for (const excluded of ['node_modules', 'site/node_modules', 'site/dist', '.git', '.local', 'cdk.out', '.test-results']) {
        expect(existsSync(path.join(staged, excluded)), excluded).toBe(false);
      }
    });
  });
});
