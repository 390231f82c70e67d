import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import type { MailDeps } from '../../shared/mail/outbox.ts';
import { submitRegioscan } from '../../shared/regioscan/submit.ts';
import { submissionSchema } from '../../shared/regioscan/validation.ts';
import { validSubmission } from '../helpers/fixtures.ts';
import { startLocalSystem, testAddress, type LocalSystem } from '../helpers/local-system.ts';

/**
 * Store, then send: the submission, its pending email and the address's allowance are one write. A
 * recording client in front of DynamoDB Local sees every command; one variant lets the write that
 * stores the pending email fail (a conditional failure, as DynamoDB would give), and nothing at all
 * may then be stored.
 */
let system: LocalSystem;
beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(() => system.close());

type Command = { constructor: { name: string }; input: Record<string, any> };
const WRITES = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand']);

/** The items a write command writes (Put items, or the keys of updates and deletes). */
function written(command: Command): Record<string, unknown>[] {
  const input = command.input;
  if (command.constructor.name === 'TransactWriteCommand')
    return (input.TransactItems as Record<string, any>[]).map((t) => t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key ?? t.ConditionCheck?.Key);
  if (command.constructor.name === 'BatchWriteCommand')
    return Object.values(input.RequestItems as Record<string, any[]>).flat().map((r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key);
  return [input.Item ?? input.Key];
}

const storesMail = (command: Command) => written(command).some((item) => item?.sk === 'MAIL');

/** A document client that records every command and can fail the one that stores a pending email. */
function recordingDoc(options: { failMailWrite: boolean }) {
  const commands: Command[] = [];
  const doc = {
    send: async (command: Command) => {
      commands.push(command);
      if (options.failMailWrite && WRITES.has(command.constructor.name) && storesMail(command)) {
        if (command.constructor.name === 'TransactWriteCommand') {
          const reasons = written(command).map((item) => ({ Code: item?.sk === 'MAIL' ? 'ConditionalCheckFailed' : 'None' }));
          throw new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons });
        }
        throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
      }
      return system.doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, commands };
}

function sesThatSends() {
  const ses = new SESv2Client({});
  mockClient(ses).on(SendEmailCommand).resolves({ MessageId: 'm-1' });
  return ses;
}

const itemsOf = async (submissionId: string) => (await system.items()).filter((i) => String(i.pk).endsWith(submissionId));

describe('a Regioscan and its pending email are stored together or not at all', () => {
  it('writes the submission, its email and the allowance in one transaction, before any send', async () => {
    const { doc, commands } = recordingDoc({ failMailWrite: false });
    const deps: MailDeps = { doc, ses: sesThatSends(), config: runtimeConfig(), now: () => new Date() };
    const submission = submissionSchema.parse(validSubmission({ email: testAddress() }));
    expect(await submitRegioscan(deps, submission)).toMatchObject({ outcome: 'stored', emailStatus: 'sent' });

    const writes = commands.filter((c) => WRITES.has(c.constructor.name));
    const first = writes[0]!;
    expect(first).toBeInstanceOf(TransactWriteCommand);
    const sks = written(first).map((item) => item?.sk);
    expect(sks).toEqual(expect.arrayContaining(['SUBMISSION', 'MAIL', 'WINDOW']));
    // No other write stores an item: the later ones only claim, record, and delete the sent email.
    expect(writes.filter((c) => c.constructor.name === 'PutCommand' || c.constructor.name === 'BatchWriteCommand')).toEqual([]);
    expect(writes.slice(1).flatMap((c) => (c.constructor.name === 'TransactWriteCommand' ? (c.input.TransactItems as Record<string, unknown>[]) : [])).filter((t) => 'Put' in t)).toEqual([]);
  });

  it('stores nothing (no submission, no email, no allowance used) when the write of the email fails', async () => {
    const email = testAddress();
    const { doc } = recordingDoc({ failMailWrite: true });
    const ses = sesThatSends();
    const deps: MailDeps = { doc, ses, config: runtimeConfig(), now: () => new Date() };
    const submission = submissionSchema.parse(validSubmission({ email }));
    const before = (await system.items()).filter((i) => String(i.pk).startsWith('MAILLIMIT#'));

    await expect(submitRegioscan(deps, submission)).rejects.toThrow();
    expect(await itemsOf(submission.submissionId)).toEqual([]);
    expect((await system.items()).filter((i) => String(i.pk).startsWith('MAILLIMIT#'))).toEqual(before);
  });
});
