import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Settings } from '../../infra/environments.ts';
import { applyNagChecks } from '../../infra/nag.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import type { MonitorAojStack } from '../../infra/stack.ts';
import { createEnvironmentStacks } from '../../infra/stacks.ts';
import type { WafStack } from '../../infra/waf-stack.ts';

/** The feature flags of cdk.json, so tests synthesize what `cdk synth` synthesizes. */
const CDK_CONTEXT = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** A tiny stand-in for site/dist. */
export function tinySiteDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'maoj-site-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Monitor AOJ</title>');
  writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>Niet gevonden</title>');
  return dir;
}

export interface Synthesized {
  app: App;
  stack: MonitorAojStack;
  template: Template;
  /** With settings.waf: the web ACL stack in us-east-1 and its template. */
  waf: { stack: WafStack; template: Template } | undefined;
  /** Cloud assembly directory (where bundled assets are written). */
  outdir: string;
}

/**
 * Synthesizes one environment's stack into a temp dir. Bundling is skipped unless asked for: the
 * Lambda code is then a placeholder, which is enough for every assertion on the template. With `nag`,
 * the cdk-nag packs and accepted findings are applied as infra/app.ts does (an unaccepted error then
 * makes the synth throw with the report).
 */
export function synth(envName: string, settings: Settings, options: { bundle?: boolean; nag?: boolean } = {}): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'maoj-cdk-'));
  const app = new App({
    outdir,
    context: { ...CDK_CONTEXT, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const { stack, waf } = createEnvironmentStacks(app, envName, settings, { siteDir: tinySiteDir(), account: '123456789012' });
  if (options.nag) applyNagChecks(app);
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir, waf: waf ? { stack: waf, template: Template.fromStack(waf) } : undefined };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] | string }>;

/** Logical ids a resource refers to (Ref, Fn::GetAtt, DependsOn). */
function references(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => references(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string') found.add(v);
      else if (key === 'Fn::GetAtt' && Array.isArray(v)) found.add(String(v[0]));
      else references(v, found);
    }
  }
  return found;
}

/** A dependency cycle between resources, if any (CloudFormation refuses such a template). */
export function findCycle(template: Template): string[] | undefined {
  const resources = template.toJSON().Resources as Resources;
  const edges = new Map<string, string[]>();
  for (const [id, r] of Object.entries(resources)) {
    const deps = references(r.Properties);
    for (const d of [r.DependsOn ?? []].flat()) deps.add(d);
    edges.set(id, [...deps].filter((d) => d in resources));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...trail, id];
    state.set(id, 'visiting');
    for (const d of edges.get(id) ?? []) {
      const cycle = visit(d, [...trail, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}
