import { Duration, FileSystem, RemovalPolicy } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
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
 * Cache-Control of every site file, from a deploy and from the rebuild after an import alike: edges
 * keep files until the next invalidation; browsers revalidate each time, so a new release (and the
 * fixed-name stylesheet the API pages link) shows at once.
 */
export const SITE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=31536000';

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
  /** The upload of the built site (siteDir) on deploy. */
  readonly deployment: BucketDeployment;
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

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Monitor AOJ',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // READ only: S3 answers 403 for a missing page. The API never answers 403, so mapping 403 to
        // the 404 page touches only the site, and API 404s keep their own JSON or HTML body.
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [AccessLevel.READ] }),
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

    this.sourceHash = FileSystem.fingerprint(props.siteDir);
    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: this.bucket,
      // Files of the previous release are removed; the bucket keeps them as old versions for 30 days.
      prune: true,
      cacheControl: [CacheControl.fromString(SITE_CACHE_CONTROL)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      logGroup: new LogGroup(this, 'DeployLogs', {
        retention: settings.logRetentionDays as RetentionDays,
        removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      }),
    });
  }
}
