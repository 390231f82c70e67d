import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type FunctionName } from '../../shared/routes.ts';
import type { Settings } from '../environments.ts';
import type { Functions } from './functions.ts';
import { OriginCheck } from './origin-check.ts';

/**
 * Access log fields: ids, route, status and timings only. No source IP, query string or user agent
 * (personal data the service does not need; see the Serverless Lens on selective log fields).
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
});

export interface ApiProps {
  readonly settings: Settings;
}

/**
 * The HTTP API: exactly the routes of shared/routes.ts, each to its function. Public routes answer
 * only requests that come through CloudFront (the origin check); operator routes only IAM-signed ones.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly originCheck: OriginCheck;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { settings } = props;
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Monitor AOJ API (served under /api/ by CloudFront)',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetentionDays as RetentionDays,
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: settings.apiThrottle.rateLimit, burstLimit: settings.apiThrottle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });
    this.originCheck = new OriginCheck(this, 'OriginCheck', { settings });
  }

  /** Host name of the API's own endpoint, the origin CloudFront forwards /api/* to. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  get url(): string {
    return this.stage.url;
  }

  /**
   * One route per ROUTES entry; routes of the same function share its integration. Operator routes
   * require an IAM-signed request, public routes CloudFront's origin header; public form posts get a
   * tighter throttle than the stage default.
   */
  addRoutes(functions: Functions, settings: Settings): void {
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const iam = new HttpIamAuthorizer();
    for (const route of ROUTES) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}Integration`, functions.get(route.function));
        integrations.set(route.function, integration);
      }
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.access === 'operator' ? iam : this.originCheck.authorizer,
      });
    }
    const posts = ROUTES.filter((r) => r.access === 'public' && r.method === 'POST');
    // routeSettings is free-form JSON in CloudFormation's own (PascalCase) spelling.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      posts.map((r) => [`${r.method} ${r.path}`, { ThrottlingRateLimit: settings.postThrottle.rateLimit, ThrottlingBurstLimit: settings.postThrottle.burstLimit }]),
    );
  }
}
