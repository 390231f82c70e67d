import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { BuildSpec, ComputeType, LinuxBuildImage, Project, Source } from 'aws-cdk-lib/aws-codebuild';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { Settings } from '../environments.ts';
import { REPO_ROOT } from '../paths.ts';
import { HASHED_ASSETS_DIR, IMMUTABLE_CACHE_CONTROL, SITE_CACHE_CONTROL } from '../../shared/web/cache-policy.ts';
import { organisationEnv } from '../../shared/web/site-identity.ts';
import type { Site } from './site.ts';

/**
 * What of the repository the build does not need (or must not see): installed packages, build
 * output, local emulator data, git history. Glob patterns relative to the repository root; a pattern
 * without a slash matches at any depth (site/node_modules too).
 */
export const SOURCE_EXCLUDE = [
  'node_modules',
  'cdk.out',
  '.local',
  '.git',
  '.test-results',
  'site/dist',
  'site/.astro',
  'site/.data',
  '.env*',
  '*.log',
  '.DS_Store',
];

/**
 * The build: install, build the site from the live snapshot, upload it, invalidate the edges. One
 * phase, so a failing step stops the rest (CodeBuild runs post_build even after a failed build, and
 * an empty site/dist synced with --delete would empty the site); `on-failure: ABORT` says so
 * explicitly. The sync runs only after the build exited 0 (the build refuses a snapshot that fails
 * the snapshot check) and site/dist/index.html exists, so a failed build leaves the last good site in
 * the bucket. SITE_BUCKET, DISTRIBUTION_ID, TABLE_NAME and IMPORTS_BUCKET come from the project's
 * environment, and so do PUBLIC_URL (sitemap.xml, robots.txt) and the organisation named in the
 * footer (shared/web/site-identity.ts); CodeBuild sets AWS_REGION.
 */
export const SITE_BUILDSPEC = {
  version: '0.2',
  phases: {
    install: {
      // The `node` devDependency brings Node 22 to every `npm run`; this is the Node that runs npm.
      'runtime-versions': { nodejs: 22 },
      'on-failure': 'ABORT',
      commands: ['npm ci --no-audit --no-fund'],
    },
    build: {
      'on-failure': 'ABORT',
      commands: [
        'SNAPSHOT_SOURCE=live npm run build:site',
        'test -f site/dist/index.html',
        // The hashed assets first (kept a year, older ones left in place), then the pages, which
        // link them; --delete leaves the hashed assets alone (excluded).
        `aws s3 sync site/dist/${HASHED_ASSETS_DIR} "s3://$SITE_BUCKET/${HASHED_ASSETS_DIR}/" --no-progress --cache-control "${IMMUTABLE_CACHE_CONTROL}"`,
        `aws s3 sync site/dist "s3://$SITE_BUCKET/" --delete --no-progress --exclude "${HASHED_ASSETS_DIR}/*" --cache-control "${SITE_CACHE_CONTROL}"`,
        'aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths "/*"',
      ],
    },
  },
} as const;

export interface SiteBuildProps {
  readonly settings: Settings;
  readonly table: ITable;
  readonly importsBucket: IBucket;
  readonly site: Site;
}

/**
 * Rebuilds and republishes the static site from the live indicator snapshot.
 *
 * Why: the regional pages are static HTML built from the snapshot, and they must show the latest
 * snapshot within one nightly cycle. The import (02:00 UTC, or right after an upload) moves the live
 * pointer to a new snapshot and then starts this project (SITE_BUILD_PROJECT, codebuild:StartBuild);
 * the build reads the pointer and the published JSON, builds site/dist, syncs it to the site bucket and
 * invalidates CloudFront: import → switch → build → sync → invalidate, a few minutes in all.
 *
 * A deploy uploads the deployer's own site/dist (built from the bundled source files unless built
 * with SNAPSHOT_SOURCE=live), so every deploy that changes the site or the code starts this build too,
 * after the upload: the regional pages never stay behind on older figures until the next new
 * snapshot.
 *
 * The source is the repository itself, as an asset of this synth: the build runs exactly the code
 * that was deployed. The project name is a plain string derived from the stack name (not a reference),
 * so the functions can be given it without depending on the project.
 */
export class SiteBuild extends Construct {
  readonly project: Project;
  /** `<stack name>-site-build`. */
  readonly projectName: string;

  constructor(scope: Construct, id: string, props: SiteBuildProps) {
    super(scope, id);
    const { settings, site } = props;
    const removalPolicy = settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.projectName = `${Stack.of(this).stackName}-site-build`;

    const source = new Asset(this, 'Source', { path: REPO_ROOT, exclude: SOURCE_EXCLUDE });
    this.project = new Project(this, 'Project', {
      projectName: this.projectName,
      description: 'Monitor AOJ: builds the site from the live indicator snapshot, uploads it and invalidates CloudFront',
      source: Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      buildSpec: BuildSpec.fromObject(SITE_BUILDSPEC),
      environment: { buildImage: LinuxBuildImage.STANDARD_7_0, computeType: ComputeType.MEDIUM },
      environmentVariables: {
        TABLE_NAME: { value: props.table.tableName },
        IMPORTS_BUCKET: { value: props.importsBucket.bucketName },
        SITE_BUCKET: { value: site.bucket.bucketName },
        DISTRIBUTION_ID: { value: site.distribution.distributionId },
        PUBLIC_URL: { value: site.publicUrl },
        ...Object.fromEntries(Object.entries(organisationEnv(settings.organisation)).map(([name, value]) => [name, { value }])),
        CDK_DISABLE_CLI_TELEMETRY: { value: 'true' },
        ASTRO_TELEMETRY_DISABLED: { value: '1' },
        NPM_CONFIG_UPDATE_NOTIFIER: { value: 'false' },
      },
      timeout: Duration.minutes(30),
      queuedTimeout: Duration.hours(1),
      logging: {
        cloudWatch: {
          logGroup: new LogGroup(this, 'Logs', { retention: settings.logRetentionDays as RetentionDays, removalPolicy }),
        },
      },
    });
    // The pointer item and the published snapshot (read only).
    props.table.grantReadData(this.project);
    props.importsBucket.grantRead(this.project);
    // `aws s3 sync --delete`: list, put and delete in the site bucket.
    site.bucket.grantReadWrite(this.project);
    site.distribution.grantCreateInvalidation(this.project);

    // Rebuild after every deploy that uploaded another site build or changed the code (see above).
    const release = `${site.sourceHash.slice(0, 16)}-${source.assetHash.slice(0, 16)}`;
    const startBuild = {
      service: 'CodeBuild',
      action: 'StartBuild',
      parameters: {
        projectName: this.projectName,
        environmentVariablesOverride: [{ name: 'RELEASE', value: release, type: 'PLAINTEXT' }],
      },
      physicalResourceId: PhysicalResourceId.of(`site-build-${release}`),
      // The full answer (the whole build) exceeds what a custom resource may return.
      outputPaths: ['build.id'],
    };
    const rebuild = new AwsCustomResource(this, 'RebuildAfterDeploy', {
      onCreate: startBuild,
      onUpdate: startBuild,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['codebuild:StartBuild'], resources: [this.project.projectArn] }),
      ]),
      installLatestAwsSdk: false,
      // The Lambda default, made explicit: one StartBuild call.
      memorySize: 128,
      logGroup: new LogGroup(this, 'RebuildAfterDeployLogs', { retention: settings.logRetentionDays as RetentionDays, removalPolicy }),
    });
    // After the deploy's own upload (whose files this build replaces), and once the build may run.
    rebuild.node.addDependency(site.deployment, site.assetsDeployment, this.project);
  }

  /** May start a build (the import function, after a new snapshot went live). */
  grantStartBuild(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({ grantee, actions: ['codebuild:StartBuild'], resourceArns: [this.project.projectArn] });
  }
}
