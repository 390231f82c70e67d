import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSettings, type Settings } from '../../infra/environments.ts';
import { NAG_PACK_NAMES } from '../../infra/nag.ts';
import { MIN_REASON_LENGTH } from '../../infra/nag-suppressions.ts';
import { synth, type Synthesized } from './synth.ts';

/**
 * cdk-nag 3 is a CDK policy-validation plugin: it reports in the cloud assembly's
 * validation-report.json (and fails the synth on errors), not as annotations, and accepted findings
 * are `Validations.of(construct).acknowledge(...)` metadata. The synth below goes through
 * applyNagChecks, exactly as infra/app.ts does.
 */

const NAG_RULE = /^(AwsSolutions|Serverless)-/;

const customDomain = parseSettings({
  ses: { fromAddress: 'noreply@monitor.example.nl', identity: 'monitor.example.nl', configurationSetName: 'maoj-x' },
  customDomain: { name: 'monitor.example.nl', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000' },
  retainData: true,
  logRetentionDays: 30,
  apiThrottle: { rateLimit: 10, burstLimit: 20 },
  postThrottle: { rateLimit: 5, burstLimit: 10 },
  operatorEmail: 'beheer@example.nl',
  alarmEmail: 'ops@example.nl',
});

const environments: [string, Settings][] = [
  ['test', loadSettings('test', {})],
  ['prod', loadSettings('prod', {})],
  ['custom-domain', customDomain],
];

interface Report {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/** `severity rule path` of every nag violation in the synth's validation report. */
function reportedViolations(s: Synthesized): string[] {
  const report = JSON.parse(readFileSync(path.join(s.outdir, 'validation-report.json'), 'utf8')) as Report;
  return report.pluginReports
    .filter((r) => (NAG_PACK_NAMES as readonly string[]).includes(r.pluginName))
    .flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} ${c.constructPath}`)));
}

/** Violations the packs find in a scope (their acknowledgment check included). */
function packViolations(scope: IConstruct): { severity?: string; rule: string; path: string }[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack.validateScope(scope).violations.flatMap((v) => v.violatingResources.map((r) => ({ severity: v.severity, rule: v.ruleName, path: r.constructPath ?? '' }))),
  );
}

/** Every acknowledgment in the tree: where, which rule, why. */
function acknowledgments(scope: IConstruct): { path: string; id: string; reason: string; construct: IConstruct }[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
          construct,
        })),
      ),
  );
}

describe.each(environments)('cdk-nag (AwsSolutions, Serverless) on %s', (envName, settings) => {
  let synthesized: Synthesized | undefined;
  const nagged = (): Synthesized => (synthesized ??= synth(envName, settings, { nag: true }));

  it('synthesizes with the packs applied: no unaccepted error stops it', () => {
    expect(() => nagged()).not.toThrow();
  });

  it('reports no unaccepted error and no unaccepted warning', () => {
    const s = nagged();
    expect(reportedViolations(s)).toEqual([]);
    expect(packViolations(s.app)).toEqual([]);
  });

  it('accepts findings on resources only, each a nag rule with a reason of at least 20 characters', () => {
    const s = nagged();
    const acks = acknowledgments(s.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(NAG_RULE);
      expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
      expect(Stack.isStack(ack.construct), `${ack.id} is accepted for the whole stack`).toBe(false);
      expect(ack.construct.node.scope, `${ack.id} is accepted for the whole app`).toBeDefined();
    }
  });

  it('accepts only findings the packs really raise (no stale suppressions)', () => {
    const s = nagged();
    const accepted = new Set(acknowledgments(s.app).map((a) => a.id));
    const plain = synth(envName, settings);
    const raised = new Set(packViolations(plain.app).map((v) => v.rule));
    expect([...accepted].sort()).toEqual([...raised].sort());
  });

  it(settings.customDomain ? 'enforces TLS 1.2 for viewers (CFR4 not accepted)' : 'accepts CFR4 only for the default CloudFront certificate', () => {
    const ids = acknowledgments(nagged().app).map((a) => a.id);
    expect(ids.includes('AwsSolutions-CFR4')).toBe(!settings.customDomain);
  });
});

describe('fixed instead of accepted', () => {
  const s = synth('test', loadSettings('test', {}));
  const resources = s.template.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('gives every project function its own role: no managed policy, logs only to its own log group (IAM4)', () => {
    for (const [name, fn] of s.stack.functions.byName) {
      const roleId = s.stack.getLogicalId(fn.role!.node.defaultChild as CfnResource);
      const logGroupId = s.stack.getLogicalId(fn.logGroup.node.defaultChild as CfnResource);
      expect(resources[roleId]!.Properties.ManagedPolicyArns, name).toBeUndefined();
      const statements = Object.values(resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
      const logs = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logs, name).toEqual([
        expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }),
      ]);
    }
  });

  it('sizes the rebuild custom resource explicitly (LambdaDefaultMemorySize)', () => {
    const provider = s.stack.node.findChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    const id = s.stack.getLogicalId(provider.node.defaultChild as CfnResource);
    expect(resources[id]!.Properties.MemorySize).toBe(128);
  });
});
