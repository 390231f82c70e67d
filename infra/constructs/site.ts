import { Duration, FileSystem, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { privateBucketProps } from './private-bucket.ts';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { HASHED_ASSETS_DIR, IMMUTABLE_CACHE_CONTROL, IMMUTABLE_MAX_AGE_SECONDS, SITE_CACHE_CONTROL } from '../../shared/web/cache-policy.ts';
import { SECURITY_HEADERS } from '../../shared/web/security-headers.ts';
import type { Settings } from '../environments.ts';
import { cloudFrontSecurityHeaders } from './security-headers.ts';

/**
 * Viewer-request function of the site behaviour. Astro builds `/x/index.html` (trailingSlash
 * 'always'): `/x/` is served from `/x/index.html` and `/x` is redirected to `/x/`. Paths with a file
 * extension pass unchanged. (CloudFront Functions runtime 2.0; plain ES5-style code on purpose.)
 */
export const PATH_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    // The static pages take no query string, so none is carried over.
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' } } };
  }
  return request;
}`;

/**
 * Cache-Control of the pages and every other unhashed file, and of the hashed assets: one definition
 * for the deploy, the CodeBuild rebuild and the local gateway (shared/web/cache-policy.ts).
 */
export { IMMUTABLE_CACHE_CONTROL, SITE_CACHE_CONTROL };

export interface SiteProps {
  readonly settings: Settings;
  /** Built static site (site/dist); its files are uploaded on every deploy. */
  readonly siteDir: string;
  /** Host name of the HTTP API endpoint; CloudFront sends /api/* there. */
  readonly apiDomainName: string;
  /** The secret header CloudFront adds to every API request (the API's origin check). */
  readonly apiOriginHeader: { readonly name: string; readonly value: string };
}

/** The public site: a private S3 bucket behind CloudFront, with /api/* forwarded to the HTTP API. */
export class Site extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;
  /** Origin of the site as the public sees it (settings.publicUrl, else `url`): links, sitemap. */
  readonly publicUrl: string;
  /** The upload of the built site (siteDir) on deploy: the pages and other unhashed files. */
  readonly deployment: BucketDeployment;
  /** The upload of the hashed assets (css/), before the pages that link them. */
  readonly assetsDeployment: BucketDeployment;
  /** Fingerprint of siteDir: changes whenever a deploy uploads a different build. */
  readonly sourceHash: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const { settings } = props;
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps(settings.retainData),
      // Old versions of a release expire after 30 days.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    const headers = cloudFrontSecurityHeaders(SECURITY_HEADERS);
    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Monitor AOJ security headers (shared/web/security-headers.ts)',
      securityHeadersBehavior: headers.securityHeadersBehavior,
      customHeadersBehavior: { customHeaders: headers.customHeaders },
    });
    const pathRewrite = new CloudFrontFunction(this, 'PathRewrite', {
      code: FunctionCode.fromInline(PATH_REWRITE_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: '/x/ -> /x/index.html, /x -> /x/',
    });

    const certificate = settings.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', settings.customDomain.certificateArn)
      : undefined;

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [AccessLevel.READ] });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Monitor AOJ',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // READ only: S3 answers 403 for a missing page. The API never answers 403, so mapping 403 to
        // the 404 page touches only the site, and API 404s keep their own JSON or HTML body.
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy,
        functionAssociations: [{ function: pathRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            // Replaces any copy a viewer sends; the API's public routes require it.
            customHeaders: { [props.apiOriginHeader.name]: props.apiOriginHeader.value },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
          responseHeadersPolicy,
        },
        // Content-hashed files (a new version gets a new name): kept at the edge for a year, whatever
        // the origin says, and never forwarded with cookies or query strings.
        [`/${HASHED_ASSETS_DIR}/*`]: {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: new CachePolicy(this, 'HashedAssets', {
            comment: 'Monitor AOJ content-hashed assets (shared/web/cache-policy.ts)',
            minTtl: Duration.seconds(IMMUTABLE_MAX_AGE_SECONDS),
            defaultTtl: Duration.seconds(IMMUTABLE_MAX_AGE_SECONDS),
            maxTtl: Duration.seconds(IMMUTABLE_MAX_AGE_SECONDS),
            cookieBehavior: CacheCookieBehavior.none(),
            headerBehavior: CacheHeaderBehavior.none(),
            queryStringBehavior: CacheQueryStringBehavior.none(),
            enableAcceptEncodingBrotli: true,
            enableAcceptEncodingGzip: true,
          }),
          compress: true,
          responseHeadersPolicy,
        },
      },
      // Error responses apply to the whole distribution, hence 403 (S3 only) rather than 404.
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: Duration.minutes(1) }],
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      // Without a custom domain the *.cloudfront.net certificate applies, whose TLS policy is fixed.
      ...(settings.customDomain && certificate
        ? { domainNames: [settings.customDomain.name], certificate, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });

    this.url = settings.customDomain
      ? `https://${settings.customDomain.name}`
      : `https://${this.distribution.distributionDomainName}`;
    this.publicUrl = settings.publicUrl?.replace(/\/$/, '') ?? this.url;

    this.sourceHash = FileSystem.fingerprint(props.siteDir);
    const source = Source.asset(props.siteDir);
    const deployLogs = new LogGroup(this, 'DeployLogs', {
      retention: settings.logRetentionDays as RetentionDays,
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // The hashed assets, kept a year, go up before the pages (below); older ones stay (no prune), so a
    // page still cached somewhere, or an API page of a function not yet updated, finds its stylesheet.
    this.assetsDeployment = new BucketDeployment(this, 'DeployHashedAssets', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [`${HASHED_ASSETS_DIR}/*`],
      prune: false,
      cacheControl: [CacheControl.fromString(IMMUTABLE_CACHE_CONTROL)],
      memoryLimit: 512,
      logGroup: deployLogs,
    });
    // The pages and every other file, after the hashed assets they link. Files of the previous
    // release are removed (the hashed assets are left alone); the bucket keeps old versions 30 days.
    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: [`${HASHED_ASSETS_DIR}/*`],
      prune: true,
      cacheControl: [CacheControl.fromString(SITE_CACHE_CONTROL)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      logGroup: deployLogs,
    });
    this.deployment.node.addDependency(this.assetsDeployment);
  }
}
