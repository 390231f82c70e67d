import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseCustomHeader,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns the header list of shared/web/security-headers.ts into CloudFront's response headers policy:
 * headers CloudFront models get their typed setting, the rest become custom headers. A value that
 * CloudFront cannot express fails the synth rather than being dropped.
 */
export function cloudFrontSecurityHeaders(headers: Record<string, string>): {
  securityHeadersBehavior: ResponseSecurityHeadersBehavior;
  customHeaders: ResponseCustomHeader[];
} {
  const security: Mutable<ResponseSecurityHeadersBehavior> = {};
  const customHeaders: ResponseCustomHeader[] = [];
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    switch (name) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security': {
        const maxAge = /max-age=(\d+)/i.exec(value);
        if (!maxAge) throw new Error(`${name}: no max-age in "${value}"`);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(maxAge[1])),
          includeSubdomains: /includeSubDomains/i.test(value),
          preload: /preload/i.test(value),
          override: true,
        };
        break;
      }
      case 'x-content-type-options':
        if (value.toLowerCase() !== 'nosniff') throw new Error(`${name}: CloudFront only sets "nosniff"`);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options': {
        const frameOption = { DENY: HeadersFrameOption.DENY, SAMEORIGIN: HeadersFrameOption.SAMEORIGIN }[value.toUpperCase()];
        if (!frameOption) throw new Error(`${name}: unsupported value "${value}"`);
        security.frameOptions = { frameOption, override: true };
        break;
      }
      case 'referrer-policy': {
        const referrerPolicy = Object.values(HeadersReferrerPolicy).find((p) => p === value.toLowerCase());
        if (!referrerPolicy) throw new Error(`${name}: unsupported value "${value}"`);
        security.referrerPolicy = { referrerPolicy, override: true };
        break;
      }
      default:
        customHeaders.push({ header: rawName, value, override: true });
    }
  }
  return { securityHeadersBehavior: security, customHeaders };
}
