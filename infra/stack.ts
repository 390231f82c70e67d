import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { FUNCTIONS, type FunctionName } from '../shared/routes.ts';
import type { Settings } from './environments.ts';
import { Alarms } from './constructs/alarms.ts';
import { Api } from './constructs/api.ts';
import { Data } from './constructs/data.ts';
import { Functions } from './constructs/functions.ts';
import { Imports } from './constructs/imports.ts';
import { Jobs } from './constructs/jobs.ts';
import { Mail } from './constructs/mail.ts';
import { Reports } from './constructs/reports.ts';
import { Site } from './constructs/site.ts';
import { SiteBuild } from './constructs/site-build.ts';
import { WebAclReference } from './constructs/web-acl.ts';

export interface MonitorAojStackProps extends StackProps {
  readonly envName: string;
  readonly settings: Settings;
  /** Built static site to upload (site/dist in the app; a temp dir in tests). */
  readonly siteDir: string;
  /** With settings.waf: where the WAF stack (infra/waf-stack.ts) publishes the CloudFront web ACL's ARN. */
  readonly webAcl?: { readonly parameterName: string; readonly region: string };
}

/** The function that imports indicator files (started by uploads to incoming/ as well as nightly). */
const IMPORT_FUNCTION: FunctionName = 'indicatorImport';

/** One environment of Monitor AOJ: data, imports, mail, functions, API, jobs, site and its rebuild. */
export class MonitorAojStack extends Stack {
  readonly settings: Settings;
  readonly data: Data;
  readonly api: Api;
  readonly site: Site;
  readonly imports: Imports;
  readonly reports: Reports;
  readonly siteBuild: SiteBuild;
  readonly functions: Functions;
  readonly jobs: Jobs;
  readonly alarms: Alarms;
  readonly webAcl: WebAclReference | undefined;

  constructor(scope: Construct, id: string, props: MonitorAojStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.settings = settings;
    Tags.of(this).add('project', 'monitor-aoj');
    Tags.of(this).add('environment', props.envName);

    this.data = new Data(this, 'Data', { retainData: settings.retainData });
    const mail = new Mail(this, 'Mail', { ses: settings.ses });
    const alarms = new Alarms(this, 'Alarms', { alarmEmail: settings.alarmEmail });
    this.alarms = alarms;
    // The API exists before the site (CloudFront needs its host name) and gets its routes once the
    // functions exist (they need the site's URL for links in emails).
    this.api = new Api(this, 'Api', { settings });
    this.site = new Site(this, 'Site', {
      settings,
      siteDir: props.siteDir,
      apiDomainName: this.api.domainName,
      apiOriginHeader: this.api.originCheck.header,
    });
    this.imports = new Imports(this, 'Imports', { retainData: settings.retainData });
    this.reports = new Reports(this, 'Reports', { retainData: settings.retainData });
    // Rebuilds the site after an import; the functions get its name (a plain string) and may start it.
    this.siteBuild = new SiteBuild(this, 'SiteBuild', {
      settings,
      table: this.data.table,
      importsBucket: this.imports.bucket,
      site: this.site,
    });
    // WAF on CloudFront (settings.waf): the web ACL lives in us-east-1 (infra/waf-stack.ts).
    if (settings.waf !== (props.webAcl !== undefined)) throw new Error('settings.waf and the web ACL of the WAF stack go together (infra/stacks.ts)');
    if (props.webAcl) {
      this.webAcl = new WebAclReference(this, 'WebAcl', props.webAcl);
      this.site.distribution.attachWebAclId(this.webAcl.arn);
    }
    this.functions = new Functions(this, 'Functions', {
      table: this.data.table,
      mail,
      settings,
      publicUrl: settings.publicUrl?.replace(/\/$/, '') ?? this.site.url,
      importsBucket: this.imports.bucket,
      siteBuild: this.siteBuild,
      tokenKey: this.data.tokenKey,
      reportsBucket: this.reports.bucket,
    });
    this.imports.notifyOnUpload(this.functions.get(IMPORT_FUNCTION));
    this.api.addRoutes(this.functions, settings);
    this.jobs = new Jobs(this, 'Jobs', { functions: this.functions, settings, alarms });
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) alarms.onErrors(name, this.functions.get(name));
    alarms.onErrors('OriginCheck', this.api.originCheck.function);
    alarms.onDeadMail();

    new CfnOutput(this, 'SiteUrl', { value: this.site.url, description: 'Public site (and the API under /api/)' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.site.distribution.distributionDomainName,
      description: 'Point the custom domain (CNAME/alias) here',
    });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    new CfnOutput(this, 'SiteBucketName', { value: this.site.bucket.bucketName });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'HTTP API endpoint (the site reaches it as /api/)' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'ImportsBucketName', {
      value: this.imports.bucket.bucketName,
      description: 'Drop indicator and area files under incoming/ (aws s3 cp file.csv s3://<bucket>/incoming/)',
    });
    new CfnOutput(this, 'ImportFunctionName', {
      value: this.functions.get(IMPORT_FUNCTION).functionName,
      description: 'Run the import on demand: aws lambda invoke --function-name <name> --payload {} out.json',
    });
    new CfnOutput(this, 'SiteBuildProjectName', {
      value: this.siteBuild.projectName,
      description: 'Rebuild the site from the live snapshot: aws codebuild start-build --project-name <name>',
    });
    for (const [name, queue] of this.jobs.deadLetterQueues) {
      new CfnOutput(this, `${name}DeadLetterQueueUrl`, { value: queue.queueUrl, description: `Failed runs of job ${name}` });
    }
  }
}
