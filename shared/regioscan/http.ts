import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RuntimeConfig } from '../config/runtime.ts';
import { httpError } from '../http/errors.ts';
import type { ApiResult } from '../http/handler.ts';
import { REGIOSCAN_DRAFT_TTL_SECONDS } from '../privacy.ts';
import type { DraftDeps } from './draft.ts';
import { renderDraftGonePage } from './pages.ts';

/** Post, redirect, get: a posted step is answered with 303 to the GET page that follows. */
export const redirect = (location: string): ApiResult => ({ statusCode: 303, headers: { location, 'cache-control': 'no-store' }, body: '' });

/** An unknown or expired draft: a Dutch page with a link to start again (404 or 410), or the code for programs. */
export function draftGoneResponse(expired: boolean): never {
  const hours = Math.round(REGIOSCAN_DRAFT_TTL_SECONDS / 3600);
  throw expired
    ? httpError('DRAFT_EXPIRED', [], renderDraftGonePage(true), `Deze Regioscan is verlopen: wij bewaren hem ${hours} uur na de laatste stap. Begin opnieuw.`)
    : httpError('NOT_FOUND', [], renderDraftGonePage(false), 'Deze Regioscan bestaat niet (meer). Begin opnieuw.');
}

/** What the Regioscan's handlers need to read and save drafts. */
export async function regioscanDraftDeps(doc: DynamoDBDocumentClient, config: RuntimeConfig, key: (config: RuntimeConfig) => Promise<Buffer>): Promise<DraftDeps> {
  return { store: { doc, tableName: config.TABLE_NAME }, key: await key(config), now: () => new Date() };
}
