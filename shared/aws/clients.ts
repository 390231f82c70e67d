import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
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

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({});
  return ses;
}

export function mailDeps(): MailDeps {
  return { doc: documentClient(), ses: sesClient(), config: runtimeConfig(), now: () => new Date() };
}
