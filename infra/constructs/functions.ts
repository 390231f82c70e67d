import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type Grant, type IGrantable, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { PREFIXES } from '../../shared/imports/prefixes.ts';
import type * as z from 'zod';
import type { runtimeSchema } from '../../shared/config/runtime.ts';
import { FUNCTIONS, type Access, type FunctionDefinition, type FunctionName } from '../../shared/routes.ts';
import { BUNDLING } from '../../tools/bundling.ts';
import type { Settings } from '../environments.ts';
import { REPO_ROOT } from '../paths.ts';
import type { Mail } from './mail.ts';

/**
 * Every variable of shared/config/runtime.ts must be listed here (the compiler checks it); undefined
 * leaves it unset. The access-bound ones are set only on functions whose `access` needs them.
 */
type RuntimeEnvironment = Record<keyof z.input<typeof runtimeSchema>, string | undefined>;
type AccessEnvironment = 'IMPORTS_BUCKET' | 'SITE_BUILD_PROJECT' | 'TOKEN_KEY_SECRET_ARN' | 'REPORTS_BUCKET';

export interface FunctionsProps {
  readonly table: ITable;
  readonly mail: Mail;
  readonly settings: Settings;
  /** Origin of the public site, for links in emails. */
  readonly publicUrl: string;
  /** Access 'imports-bucket': read, write, delete and list (IMPORTS_BUCKET). */
  readonly importsBucket: IBucket;
  /** Access 'site-build': may start this CodeBuild project (SITE_BUILD_PROJECT). */
  readonly siteBuild: { readonly projectName: string; grantStartBuild(grantee: IGrantable): Grant };
  /** Access 'token-key': may read the key under which invitation tokens are hashed (TOKEN_KEY_SECRET_ARN). */
  readonly tokenKey: ISecret;
  /** Access 'reports-write' / 'reports-read': the PDF reports (REPORTS_BUCKET). */
  readonly reportsBucket: IBucket;
}

if (BUNDLING.format !== 'esm') throw new Error('infra expects ESM bundles (tools/bundling.ts)');

/** How NodejsFunction bundles every function of the project, as `npm start` does (tools/bundling.ts). */
export const LAMBDA_BUNDLING = {
  format: OutputFormat.ESM,
  target: BUNDLING.target,
  platform: BUNDLING.platform,
  minify: BUNDLING.minify,
  sourceMap: BUNDLING.sourcemap,
  loader: { ...BUNDLING.loader },
  define: { ...BUNDLING.define },
  banner: BUNDLING.banner,
  mainFields: ['module', 'main'],
  // The Node.js runtime ships the AWS SDK v3; the local bundles leave it out the same way.
  externalModules: ['@aws-sdk/*'],
};

/** One Lambda function per entry of FUNCTIONS in shared/routes.ts; the API and the jobs use these. */
export class Functions extends Construct {
  readonly byName: ReadonlyMap<FunctionName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { settings } = props;
    const common: Omit<RuntimeEnvironment, AccessEnvironment> = {
      TABLE_NAME: props.table.tableName,
      PUBLIC_URL: props.publicUrl,
      MAIL_FROM: settings.ses.fromAddress,
      MAIL_REPLY_TO: settings.ses.replyTo,
      SES_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
      OPERATOR_EMAIL: settings.operatorEmail,
      ALLOW_DEMO: settings.allowDemo ? 'true' : undefined,
      // The organisation named in the footer of the pages a function renders (shared/web/site-identity.ts).
      SITE_ORGANISATION_NAME: settings.organisation.name,
      SITE_CONTACT_EMAIL: settings.organisation.email,
      // Only the local system and tests set the key itself.
      TOKEN_KEY: undefined,
      // The bot check's defaults (shared/privacy.ts) hold in AWS; only tests override them.
      FORM_MIN_FILL_SECONDS: undefined,
      FORM_RATE_LIMIT_PER_HOUR: undefined,
      FORM_DRAFT_LIMIT_PER_HOUR: undefined,
    };
    const environmentFor = (access: readonly Access[]): Record<string, string> => {
      const environment: RuntimeEnvironment = {
        ...common,
        IMPORTS_BUCKET:
          access.includes('imports-bucket') || access.includes('snapshot-read') ? props.importsBucket.bucketName : undefined,
        SITE_BUILD_PROJECT: access.includes('site-build') ? props.siteBuild.projectName : undefined,
        TOKEN_KEY_SECRET_ARN: access.includes('token-key') ? props.tokenKey.secretArn : undefined,
        REPORTS_BUCKET: access.includes('reports-write') || access.includes('reports-read') ? props.reportsBucket.bucketName : undefined,
      };
      return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined));
    };
    const removalPolicy = settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const byName = new Map<FunctionName, NodejsFunction>();
    for (const [name, def] of Object.entries(FUNCTIONS) as [FunctionName, FunctionDefinition][]) {
      // An explicit log group: retention is ours, not "never expire".
      const logGroup = new LogGroup(this, `${name}Logs`, {
        retention: settings.logRetentionDays as RetentionDays,
        removalPolicy,
      });
      // An own role instead of the managed AWSLambdaBasicExecutionRole (logs:CreateLogGroup and writes to
      // any log group): this function may write to its own log group only.
      const role = new Role(this, `${name}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Monitor AOJ function ${name}`,
      });
      logGroup.grantWrite(role);
      const fn = new NodejsFunction(this, name, {
        entry: path.join(REPO_ROOT, def.entry),
        handler: 'handler',
        description: def.description,
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: def.memoryMb,
        timeout: Duration.seconds(def.timeoutSeconds),
        // shared/routes.ts: a small reservation for jobs, a cap for public forms.
        ...(def.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: def.reservedConcurrency }),
        logGroup,
        role,
        environment: environmentFor(def.access),
        projectRoot: REPO_ROOT,
        depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
        bundling: LAMBDA_BUNDLING,
      });
      if (def.access.includes('table-read')) props.table.grantReadData(fn);
      if (def.access.includes('table-write')) props.table.grantWriteData(fn);
      if (def.access.includes('send-mail')) props.mail.grantSend(fn);
      if (def.access.includes('imports-bucket')) props.importsBucket.grantReadWrite(fn);
      // Pages built on the live snapshot read published snapshots only, nothing operators dropped.
      if (def.access.includes('snapshot-read')) props.importsBucket.grantRead(fn, `${PREFIXES.published}*`);
      if (def.access.includes('site-build')) props.siteBuild.grantStartBuild(fn);
      if (def.access.includes('token-key')) props.tokenKey.grantRead(fn);
      if (def.access.includes('reports-write')) props.reportsBucket.grantReadWrite(fn);
      if (def.access.includes('reports-read')) props.reportsBucket.grantRead(fn);
      byName.set(name, fn);
    }
    this.byName = byName;
  }

  get(name: FunctionName): NodejsFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`No function ${name}`);
    return fn;
  }
}
