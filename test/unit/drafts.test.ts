import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftHash as questionnaireDraftHash, newToken, openDraft } from '../../shared/participation/tokens.ts';
import { REGIOSCAN_DRAFT } from '../../shared/regioscan/draft.ts';
import { DRAFT_ID_PATTERN, draftHash, newDraftId, openDraftContent, sealDraftContent } from '../../shared/store/drafts.ts';

/** The questionnaire drafts as they were sealed before the generic mechanism: they must still open. */
function oldSeal(token: string, answers: Record<string, string>): string {
  const key = Buffer.from(hkdfSync('sha256', token, 'monitor-aoj-draft', 'answers', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answers), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

describe('generic drafts', () => {
  const serverKey = randomBytes(32);

  it('keeps the questionnaire drafts byte-compatible: same item key, and old drafts open', () => {
    const token = newToken();
    expect(questionnaireDraftHash(serverKey, token)).toBe(createHmac('sha256', serverKey).update(`draft\0${token}`).digest('base64url'));
    expect(openDraft(token, oldSeal(token, { b1: '4' }))).toEqual({ b1: '4' });
  });

  it('makes 128-bit ids, and keys of two kinds never meet', () => {
    const id = newDraftId();
    expect(id).toMatch(DRAFT_ID_PATTERN);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(new Set(Array.from({ length: 100 }, newDraftId)).size).toBe(100);
    expect(draftHash(serverKey, REGIOSCAN_DRAFT, id)).not.toBe(questionnaireDraftHash(serverKey, id));
    expect(draftHash(serverKey, REGIOSCAN_DRAFT, id)).not.toContain(id);
  });

  it('seals so that only the same kind and id open it', () => {
    const id = newDraftId();
    const sealed = sealDraftContent(REGIOSCAN_DRAFT, id, { gemeente: 'GM0363', antwoorden: { v01: '5' } });
    expect(sealed).not.toContain('GM0363');
    expect(openDraftContent(REGIOSCAN_DRAFT, id, sealed)).toEqual({ gemeente: 'GM0363', antwoorden: { v01: '5' } });
    expect(() => openDraftContent(REGIOSCAN_DRAFT, newDraftId(), sealed)).toThrow();
    expect(() => openDraft(id, sealed)).toThrow();
  });
});
