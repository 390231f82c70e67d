import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pendingMailPut, type OutgoingMail } from '../mail/outbox.ts';
import type { Counts, InvitationRecord, LinkKind, RegionRecord, RoundRecord, StoredResponse } from '../participation/model.ts';
import type { GroupId } from '../questionnaires/definition.ts';
import { QUESTIONNAIRE_DRAFT } from '../participation/tokens.ts';
import { draftPut as genericDraftPut, readDraft } from './drafts.ts';
import {
  REGION_LIST,
  TABLE_KEYS,
  counterKey,
  draftKey,
  invitationKey,
  regionKey,
  regionPk,
  regionRoundKey,
  responseKey,
  responsePrefix,
  roundKey,
  roundPk,
  type ItemKey,
} from './table.ts';

/**
 * The data layer of regions taking part: registrations, rounds, invitations, drafts and responses.
 * Every function takes the document client and table name; results are domain values, never HTTP.
 * Anonymity rules live here: see shared/participation/tokens.ts for how the keys are made.
 */
export interface Store {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as T;
};

const failedAt = (error: unknown, index: number) =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

async function get<T>(store: Store, key: ItemKey): Promise<T | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
  return strip<T>(out.Item);
}

// Regions -------------------------------------------------------------------------------------------

/** stored: new; exists: a region with this id was stored before (the caller tells a double submit from a conflict). */
export type RegistrationResult = { outcome: 'stored' | 'exists'; region: RegionRecord };

/** Stores a registration and its emails in one transaction: all or nothing, and one region per id. */
export async function storeRegistration(store: Store, region: RegionRecord, mails: readonly OutgoingMail[], now: Date): Promise<RegistrationResult> {
  try {
    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: store.tableName,
              Item: { ...regionKey(region.regionId), ...region, [TABLE_KEYS.queueIndex.partitionKey]: REGION_LIST, [TABLE_KEYS.queueIndex.sortKey]: `${region.registeredAt}#${region.regionId}` },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...mails.map((mail) => pendingMailPut(store.tableName, mail, now)),
        ],
      }),
    );
    return { outcome: 'stored', region };
  } catch (error) {
    if (!failedAt(error, 0)) throw error;
    const existing = await getRegion(store, region.regionId);
    if (!existing) throw error;
    return { outcome: 'exists', region: existing };
  }
}

/** A region written directly (the demo region, already decided). */
export async function storeRegistrationRecord(store: Store, region: RegionRecord): Promise<void> {
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...regionKey(region.regionId), ...region, [TABLE_KEYS.queueIndex.partitionKey]: REGION_LIST, [TABLE_KEYS.queueIndex.sortKey]: `${region.registeredAt}#${region.regionId}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export const getRegion = (store: Store, regionId: string) => get<RegionRecord>(store, regionKey(regionId));

/** The queue index holds keys only (writes to it stay small): the list reads the regions by key. */
export async function listRegions(store: Store): Promise<RegionRecord[]> {
  const keys: ItemKey[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: TABLE_KEYS.queueIndex.name,
        KeyConditionExpression: '#p = :regions',
        ExpressionAttributeNames: { '#p': TABLE_KEYS.queueIndex.partitionKey },
        ExpressionAttributeValues: { ':regions': REGION_LIST },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const byKey = new Map<string, RegionRecord>();
  for (let i = 0; i < keys.length; i += 100) {
    let pending: ItemKey[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const out = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending.map((key) => ({ pk: key.pk, sk: key.sk })) } } }));
      for (const item of out.Responses?.[store.tableName] ?? []) byKey.set(`${item.pk}|${item.sk}`, strip<RegionRecord>(item)!);
      pending = out.UnprocessedKeys?.[store.tableName]?.Keys as ItemKey[] | undefined;
    }
  }
  // In the index's order (registration time); a region deleted between the two reads is left out.
  return keys.flatMap((key) => byKey.get(`${key.pk}|${key.sk}`) ?? []);
}

/** Forgets a region's contact persons (retention over); false when they were gone already. */
export async function removeContacts(store: Store, regionId: string, now: Date): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: regionKey(regionId),
        UpdateExpression: 'SET contactsRemovedAt = :now REMOVE contacts',
        ConditionExpression: 'attribute_exists(contacts)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export type DecisionResult = { outcome: 'done'; region: RegionRecord } | { outcome: 'not-found' } | { outcome: 'already-decided'; region: RegionRecord };

/**
 * Approves or rejects a registration that waits for a decision. The same decision again is harmless;
 * the other one is refused. A rejection removes the contact persons' details at once.
 */
export async function decideRegion(store: Store, regionId: string, decision: 'goedgekeurd' | 'afgewezen', now: Date, reason?: string): Promise<DecisionResult> {
  try {
    const out = await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: regionKey(regionId),
        UpdateExpression:
          decision === 'afgewezen'
            ? 'SET #status = :decision, decidedAt = :now, rejectionReason = :reason REMOVE contacts'
            : 'SET #status = :decision, decidedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND #status = :waiting',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':decision': decision,
          ':now': now.toISOString(),
          ':waiting': 'aangemeld',
          ...(decision === 'afgewezen' ? { ':reason': reason ?? '' } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'done', region: strip<RegionRecord>(out.Attributes)! };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const region = await getRegion(store, regionId);
    if (!region) return { outcome: 'not-found' };
    return region.status === decision ? { outcome: 'done', region } : { outcome: 'already-decided', region };
  }
}

// Rounds --------------------------------------------------------------------------------------------

export async function createRound(store: Store, round: RoundRecord): Promise<void> {
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { ConditionCheck: { TableName: store.tableName, Key: regionKey(round.regionId), ConditionExpression: '#status = :approved', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':approved': 'goedgekeurd' } } },
        { Put: { TableName: store.tableName, Item: { ...roundKey(round.roundId), ...round }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: store.tableName, Item: { ...regionRoundKey(round.regionId, round.roundId), roundId: round.roundId } } },
      ],
    }),
  );
}

export const getRound = (store: Store, roundId: string) => get<RoundRecord>(store, roundKey(roundId));

export async function roundsOfRegion(store: Store, regionId: string): Promise<RoundRecord[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rounds)',
      ExpressionAttributeValues: { ':pk': regionPk(regionId), ':rounds': 'ROUND#' },
    }),
  );
  const rounds = await Promise.all((out.Items ?? []).map((item) => getRound(store, String(item.roundId))));
  return rounds.filter((r): r is RoundRecord => r !== undefined).sort((a, b) => a.opens.localeCompare(b.opens));
}

export async function closeRound(store: Store, roundId: string, now: Date): Promise<RoundRecord | undefined> {
  try {
    const out = await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: roundKey(roundId),
        UpdateExpression: 'SET closedAt = if_not_exists(closedAt, :now)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<RoundRecord>(out.Attributes);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** The counters of one round: per group and kind of link, moved only together with invitation states. */
export async function roundCounts(store: Store, roundId: string): Promise<Map<string, Counts>> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :count)',
      ExpressionAttributeValues: { ':pk': roundPk(roundId), ':count': 'COUNT#' },
      ConsistentRead: true,
    }),
  );
  const counts = new Map<string, Counts>();
  for (const item of out.Items ?? []) {
    counts.set(String(item.sk).slice('COUNT#'.length), { issued: Number(item.issued ?? 0), started: Number(item.started ?? 0), completed: Number(item.completed ?? 0) });
  }
  return counts;
}

const countUpdate = (store: Store, roundId: string, group: GroupId, linkKind: LinkKind, field: keyof Counts, by = 1) => ({
  Update: {
    TableName: store.tableName,
    Key: counterKey(roundId, group, linkKind),
    UpdateExpression: 'ADD #field :by',
    ExpressionAttributeNames: { '#field': field },
    ExpressionAttributeValues: { ':by': by },
  },
});

// Invitations ---------------------------------------------------------------------------------------

/** At most 100 actions per transaction: 99 invitations and their counter. */
const INVITATIONS_PER_TRANSACTION = 99;

/** Stores invitations (by token hash) and counts them as issued, in transactions of 99. */
export async function storeInvitations(store: Store, roundId: string, group: GroupId, tokenHashes: readonly string[]): Promise<void> {
  for (let i = 0; i < tokenHashes.length; i += INVITATIONS_PER_TRANSACTION) {
    const chunk = tokenHashes.slice(i, i + INVITATIONS_PER_TRANSACTION);
    const invitation: InvitationRecord = { roundId, group, linkKind: 'personal', state: 'issued' };
    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...chunk.map((hash) => ({ Put: { TableName: store.tableName, Item: { ...invitationKey(hash), ...invitation }, ConditionExpression: 'attribute_not_exists(pk)' } })),
          countUpdate(store, roundId, group, 'personal', 'issued', chunk.length),
        ],
      }),
    );
  }
}

/** A group's shared link: one invitation that never completes; each visitor starts an own response. */
export async function storeOpenLink(store: Store, roundId: string, group: GroupId, tokenHash: string): Promise<void> {
  const invitation: InvitationRecord = { roundId, group, linkKind: 'open-link', state: 'shared' };
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...invitationKey(tokenHash), ...invitation }, ConditionExpression: 'attribute_not_exists(pk)' }));
}

export const getInvitation = (store: Store, tokenHash: string) => get<InvitationRecord>(store, invitationKey(tokenHash));

// Answering -----------------------------------------------------------------------------------------

export interface Draft {
  /** Encrypted answers (see sealDraft); only the token holder can read them. */
  sealed: string;
  version: number;
}

export const getDraft = async (store: Store, draftHash: string): Promise<Draft | undefined> => {
  const draft = await readDraft(store, draftHash);
  return draft && { sealed: draft.sealed, version: draft.version };
};

/** A draft save, on the generic draft mechanism (shared/store/drafts.ts) with the questionnaires' kind. */
const draftPut = (store: Store, hash: string, sealed: string, version: number, now: Date) => genericDraftPut(store.tableName, QUESTIONNAIRE_DRAFT, hash, sealed, version, now);

export type SaveResult = 'saved' | 'stale' | 'completed';

/**
 * Saves a draft. The first save of a personal invitation also marks it started (and counts it); later
 * saves check that the invitation is still unfinished. 'stale': another tab saved first.
 */
export async function saveDraft(
  store: Store,
  invitation: { hash: string; record: InvitationRecord },
  draftHash: string,
  sealed: string,
  version: number,
  now: Date,
): Promise<SaveResult> {
  const { record } = invitation;
  const first = record.state === 'issued';
  const invitationItem = first
    ? {
        Update: {
          TableName: store.tableName,
          Key: invitationKey(invitation.hash),
          UpdateExpression: 'SET #state = :started',
          ConditionExpression: '#state = :issued',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':started': 'started', ':issued': 'issued' },
        },
      }
    : {
        ConditionCheck: {
          TableName: store.tableName,
          Key: invitationKey(invitation.hash),
          ConditionExpression: '#state = :started',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':started': 'started' },
        },
      };
  const items = [invitationItem, draftPut(store, draftHash, sealed, version, now), ...(first ? [countUpdate(store, record.roundId, record.group, 'personal', 'started')] : [])];
  try {
    await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    if (failedAt(error, 1)) return 'stale';
    if (failedAt(error, 0)) {
      const now = await getInvitation(store, invitation.hash);
      if (now?.state === 'completed') return 'completed';
      if (now?.state === 'started') return 'stale';
    }
    throw error;
  }
}

/** Starts a response through a shared link: a new invitation under the resume code, already started. */
export async function startOpenResponse(store: Store, roundId: string, group: GroupId, codeHash: string, draftHash: string, sealed: string, now: Date): Promise<void> {
  const invitation: InvitationRecord = { roundId, group, linkKind: 'open', state: 'started' };
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: store.tableName, Item: { ...invitationKey(codeHash), ...invitation }, ConditionExpression: 'attribute_not_exists(pk)' } },
        draftPut(store, draftHash, sealed, 0, now),
        countUpdate(store, roundId, group, 'open', 'started'),
      ],
    }),
  );
}

export type { StoredResponse };

/**
 * Completes a response, all in one transaction: the invitation becomes "completed" (only from
 * "started", so never twice), the draft is deleted, the response is written under a fresh random id
 * with no token, no hash and no time, and the group's completed counter moves.
 */
export async function completeResponse(
  store: Store,
  invitation: { hash: string; record: InvitationRecord },
  draftHash: string,
  responseId: string,
  response: StoredResponse,
): Promise<'completed' | 'already-completed'> {
  const { record } = invitation;
  try {
    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: store.tableName,
              Key: invitationKey(invitation.hash),
              UpdateExpression: 'SET #state = :completed',
              ConditionExpression: '#state = :started',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':completed': 'completed', ':started': 'started' },
            },
          },
          { Delete: { TableName: store.tableName, Key: draftKey(draftHash) } },
          { Put: { TableName: store.tableName, Item: { ...responseKey(record.roundId, record.group, responseId), ...response }, ConditionExpression: 'attribute_not_exists(pk)' } },
          countUpdate(store, record.roundId, record.group, response.linkKind, 'completed'),
        ],
      }),
    );
    return 'completed';
  } catch (error) {
    if (failedAt(error, 0)) return 'already-completed';
    throw error;
  }
}

/** The responses of a round (for the demo and, later, the benchmark job). */
export async function roundResponses(store: Store, roundId: string, group?: GroupId): Promise<StoredResponse[]> {
  const responses: StoredResponse[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': roundPk(roundId), ':prefix': responsePrefix(group) },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) responses.push(strip<StoredResponse>(item)!);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return responses;
}

/** Made-up responses of a demo round, written straight in (with their counters), never through links. */
export async function storeDemoResponses(store: Store, roundId: string, group: GroupId, responses: readonly { id: string; response: StoredResponse }[]): Promise<void> {
  for (let i = 0; i < responses.length; i += 90) {
    const chunk = responses.slice(i, i + 90);
    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...chunk.map(({ id, response }) => ({ Put: { TableName: store.tableName, Item: { ...responseKey(roundId, group, id), ...response } } })),
          {
            Update: {
              TableName: store.tableName,
              Key: counterKey(roundId, group, 'personal'),
              UpdateExpression: 'ADD issued :n, started :n, completed :n',
              ExpressionAttributeValues: { ':n': chunk.length },
            },
          },
        ],
      }),
    );
  }
}
