import { describe, expect, it } from 'vitest';
import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront';
import { loadSettings } from '../../infra/environments.ts';
import { SITE_BUILDSPEC } from '../../infra/constructs/site-build.ts';
import { HASHED_ASSETS_DIR, IMMUTABLE_CACHE_CONTROL, IMMUTABLE_MAX_AGE_SECONDS, SITE_CACHE_CONTROL } from '../../shared/web/cache-policy.ts';
import { synth } from './synth.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation JSON is untyped */

/**
 * How the site is delivered in AWS: hashed assets cached for a year (S3 metadata and a CloudFront
 * behaviour), pages revalidated; the site build gets the public URL and the organisation.
 */
describe.each(['test', 'prod'])('site delivery for %s', (envName) => {
  const settings = loadSettings(envName, {});
  const s = synth(envName, settings);
  const resources = (type: string) => s.template.findResources(type) as Record<string, { Properties: Record<string, any>; DependsOn?: string[] }>;
  const distribution = () => Object.values(resources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
  const deployments = () => Object.entries(resources('Custom::CDKBucketDeployment'));

  it('uploads the hashed assets with a one-year immutable Cache-Control, and everything else revalidated', () => {
    const [assetsId, assets] = deployments().find(([id]) => id.includes('DeployHashedAssets'))!;
    expect(assets.Properties).toMatchObject({
      SystemMetadata: { 'cache-control': IMMUTABLE_CACHE_CONTROL },
      Exclude: ['*'],
      Include: [`${HASHED_ASSETS_DIR}/*`],
      Prune: false,
    });
    const [pagesId, pages] = deployments().find(([id]) => !id.includes('DeployHashedAssets'))!;
    expect(pages.Properties).toMatchObject({ SystemMetadata: { 'cache-control': SITE_CACHE_CONTROL }, Exclude: [`${HASHED_ASSETS_DIR}/*`], Prune: true });
    // The pages go up only after the assets they link.
    expect(pages.DependsOn).toContain(assetsId);
    expect(pagesId).not.toBe(assetsId);
    expect(IMMUTABLE_CACHE_CONTROL).toMatch(/max-age=31536000.*immutable/);
  });

  it('has a CloudFront behaviour for /css/* that keeps the hashed assets a year, compressed', () => {
    const behaviour = (distribution().CacheBehaviors as any[]).find((b) => b.PathPattern === `/${HASHED_ASSETS_DIR}/*`);
    expect(behaviour).toBeDefined();
    expect(behaviour).toMatchObject({ Compress: true, ViewerProtocolPolicy: 'redirect-to-https' });
    expect(behaviour.TargetOriginId).toBe(distribution().DefaultCacheBehavior.TargetOriginId);
    const [policy] = Object.entries(resources('AWS::CloudFront::CachePolicy')).filter(([id]) => behaviour.CachePolicyId.Ref === id);
    expect(policy).toBeDefined();
    expect(policy![1].Properties.CachePolicyConfig).toMatchObject({
      MinTTL: IMMUTABLE_MAX_AGE_SECONDS,
      DefaultTTL: IMMUTABLE_MAX_AGE_SECONDS,
      MaxTTL: IMMUTABLE_MAX_AGE_SECONDS,
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingBrotli: true,
        EnableAcceptEncodingGzip: true,
        CookiesConfig: { CookieBehavior: 'none' },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
      },
    });
    // Pages keep the managed policy that honours the objects' own Cache-Control.
    expect(distribution().DefaultCacheBehavior.CachePolicyId).toBe(CachePolicy.CACHING_OPTIMIZED.cachePolicyId);
    expect(distribution().DefaultCacheBehavior.Compress).toBe(true);
  });

  it('rebuilds in CodeBuild with the same cache rules: hashed assets first, then the pages without deleting them', () => {
    const commands: string[] = [...SITE_BUILDSPEC.phases.build.commands];
    const assets = commands.findIndex((c) => c.startsWith(`aws s3 sync site/dist/${HASHED_ASSETS_DIR} `));
    const pages = commands.findIndex((c) => c.startsWith('aws s3 sync site/dist "'));
    expect(assets).toBeGreaterThan(0);
    expect(pages).toBeGreaterThan(assets);
    expect(commands[assets]).toContain(`--cache-control "${IMMUTABLE_CACHE_CONTROL}"`);
    expect(commands[assets]).not.toContain('--delete');
    expect(commands[pages]).toContain(`--exclude "${HASHED_ASSETS_DIR}/*"`);
    expect(commands[pages]).toContain(`--cache-control "${SITE_CACHE_CONTROL}"`);
  });

  it('gives the site build and the functions the public URL and the organisation of the settings', () => {
    const project = Object.values(resources('AWS::CodeBuild::Project'))[0]!;
    const vars = Object.fromEntries((project.Properties.Environment.EnvironmentVariables as { Name: string; Value: unknown }[]).map((v) => [v.Name, v.Value]));
    expect(vars.SITE_ORGANISATION_NAME).toBe(settings.organisation.name);
    expect(vars.SITE_CONTACT_EMAIL).toBe(settings.organisation.email);
    expect(JSON.stringify(vars.PUBLIC_URL)).toMatch(/https:\/\/.*SiteDistribution.*DomainName/);
    for (const fn of Object.values(resources('AWS::Lambda::Function'))) {
      const env = fn.Properties.Environment?.Variables as Record<string, unknown> | undefined;
      if (!env?.TABLE_NAME) continue; // not one of ours (CDK's own helper functions)
      expect(env.SITE_ORGANISATION_NAME).toBe(settings.organisation.name);
      expect(env.SITE_CONTACT_EMAIL).toBe(settings.organisation.email);
    }
  });
});
