import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, type SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeConfig } from '../config/runtime.ts';
import type { MailDeps } from '../mail/outbox.ts';

/**
 * SDK clients, created once per Lambda container. Endpoints come from the standard
 * AWS_ENDPOINT_URL_* variables, so the same code talks to AWS or to the local emulators.
 */
let doc: DynamoDBDocumentClient | undefined;
let ses: SESv2Client | undefined;

export function documentClient(): DynamoDBDocumentClient {
  doc ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return doc;
}

/**
 * SES must answer well inside the deadline of the function that sends right after storing (10 s): a
 * connection within 2 s, the whole request within 5 s, and no retries inside the SDK (the outbox
 * retries, with backoff, from the stored email). Without these the SDK waits for as long as SES hangs
 * and the respondent gets the function's timeout instead of "stored, the email follows".
 * `throwOnRequestTimeout` is needed: without it @smithy/node-http-handler only warns.
 */
export const SES_CONNECTION_TIMEOUT_MS = 2_000;
export const SES_REQUEST_TIMEOUT_MS = 5_000;

export function createSesClient(config: SESv2ClientConfig = {}): SESv2Client {
  return new SESv2Client({
    maxAttempts: 1,
    requestHandler: { connectionTimeout: SES_CONNECTION_TIMEOUT_MS, requestTimeout: SES_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...config,
  });
}

export function sesClient(): SESv2Client {
  ses ??= createSesClient();
  return ses;
}

export function mailDeps(): MailDeps {
  return { doc: documentClient(), ses: sesClient(), config: runtimeConfig(), now: () => new Date() };
}
