import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { flushMetrics, log, logger } from '../log.ts';
import { renderMessagePage, type MessageLink } from '../web/message-page.ts';
import { compressResult } from './compression.ts';
import { ERRORS, HttpError } from './errors.ts';
import { wantsHtml } from './request.ts';
import { htmlResponse, jsonResponse } from './response.ts';

export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/**
 * Turns errors into responses: an HttpError into its own status with a stable code (JSON) or a Dutch
 * page (HTML); anything else into a bare 500 that reveals nothing, logged without personal data.
 */
function errorResponses(section?: HandlerSection): middy.MiddlewareObj<ApiEvent, ApiResult> {
  const page = (title: string, message: string) => renderMessagePage(title, message, section?.link, section?.path);
  return {
    onError: (request) => {
      const error = request.error;
      const html = wantsHtml(request.event);
      if (error instanceof HttpError) {
        request.response = html
          ? htmlResponse(error.status, error.page ?? page(error.status === 404 ? 'Niet gevonden' : 'Dat ging niet goed', error.message))
          : jsonResponse(error.status, {
              error: { code: error.code, message: error.message, ...(error.fields.length ? { fields: error.fields } : {}) },
            });
        return;
      }
      log('error', 'unhandled error', {
        errorName: error instanceof Error ? error.name : typeof error,
        requestId: request.context.awsRequestId,
        route: request.event.routeKey,
      });
      request.response = html
        ? htmlResponse(500, page('Er ging iets mis', ERRORS.INTERNAL.message))
        : jsonResponse(500, { error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message } });
    },
  };
}

/** The part of the site a handler belongs to: its error pages mark that menu item and link back to it. */
export interface HandlerSection {
  path: string;
  link: MessageLink;
}

/**
 * Every log line of a request carries API Gateway's request id as `correlation_id` (set directly with
 * `setCorrelationId`, so no JMESPath search function is needed); `injectLambdaContext` drops it again
 * after the request (`resetKeys`).
 */
const correlationId: middy.MiddlewareObj<ApiEvent, ApiResult> = {
  before: (request) => {
    const requestId = request.event.requestContext?.requestId;
    if (requestId) logger.setCorrelationId(requestId);
  },
};

/** Large pages (a registration step lists 342 gemeenten) go compressed: CloudFront leaves API answers as they are. */
const compression: middy.MiddlewareObj<ApiEvent, ApiResult> = {
  after: (request) => {
    if (request.response) request.response = compressResult(request.response, request.event.headers?.['accept-encoding']);
  },
};

/** Metrics stored during the request (e.g. a dead email) are written once at its end, also after an error. */
const metricsFlush: middy.MiddlewareObj<ApiEvent, ApiResult> = { after: flushMetrics, onError: flushMetrics };

/**
 * Every API handler: a plain async function wrapped in the shared middleware stack. The Logger's
 * Lambda context and the correlation id are set first and reset last (onError hooks run in reverse
 * order, so the error response's log line still carries them).
 */
export function apiHandler(fn: (event: ApiEvent, context: Context) => Promise<ApiResult>, section?: HandlerSection) {
  return middy<ApiEvent, ApiResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlationId)
    .use(metricsFlush)
    .use(errorResponses(section))
    .use(compression)
    .handler(fn);
}
