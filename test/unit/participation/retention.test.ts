import { describe, expect, it } from 'vitest';
import { dutchDay, type RoundRecord } from '../../../shared/participation/model.ts';
import { contactsExpireAt } from '../../../shared/participation/retention.ts';

const DAY = 24 * 3600 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const round = (opensDaysAgo: number, closesDaysAgo: number, closedAt?: Date): RoundRecord => ({
  roundId: `r${opensDaysAgo}`,
  regionId: 'x',
  groups: ['uitvoering'],
  opens: dutchDay(ago(opensDaysAgo)),
  closes: dutchDay(ago(closesDaysAgo)),
  ...(closedAt ? { closedAt: closedAt.toISOString() } : {}),
  questionnaires: {},
  demo: false,
  createdAt: ago(opensDaysAgo + 1).toISOString(),
});
const region = { registeredAt: ago(800).toISOString(), decidedAt: ago(790).toISOString() };

describe('contact persons: kept while the region takes part, gone a year after its last round', () => {
  it('expires a year after the last round closed', () => {
    const expires = contactsExpireAt(region, [round(700, 650), round(420, 400)], now)!;
    expect(expires.getTime()).toBeLessThan(now.getTime()); // 400 days ago + 1 year is in the past
    expect(Math.abs(expires.getTime() - (ago(400).getTime() + 365 * DAY))).toBeLessThan(2 * DAY);
  });

  it('keeps them within the year after the last round', () => {
    expect(contactsExpireAt(region, [round(700, 650), round(340, 330)], now)!.getTime()).toBeGreaterThan(now.getTime());
  });

  it('counts a round closed early by the operator from the day it was closed', () => {
    const closedEarly = round(420, -30, ago(380));
    expect(contactsExpireAt(region, [closedEarly], now)!.getTime()).toBeLessThan(now.getTime());
  });

  it('keeps them while a round is open or planned, however old the region', () => {
    expect(contactsExpireAt(region, [round(700, 650), round(5, -20)], now)).toBeUndefined();
    expect(contactsExpireAt(region, [round(-10, -40)], now)).toBeUndefined();
  });

  it('without rounds, a year after the registration or the decision on it', () => {
    expect(contactsExpireAt({ registeredAt: ago(370).toISOString() }, [], now)!.getTime()).toBeLessThan(now.getTime());
    expect(contactsExpireAt({ registeredAt: ago(370).toISOString(), decidedAt: ago(200).toISOString() }, [], now)!.getTime()).toBeGreaterThan(now.getTime());
  });
});
