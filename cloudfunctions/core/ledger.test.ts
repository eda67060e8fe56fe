import fc from 'fast-check';
import { DomainError } from './errors';
import {
  duePoints,
  emptyAccount,
  expiringSoon,
  postAll,
  postEntry,
  type Account,
  type EntryKind,
  type LedgerEntry,
  type PostingTime,
} from './ledger';

const at = (iso: string, expiryDays = 365): PostingTime => {
  const now = new Date(iso);
  return { now, day: iso.slice(0, 10), timezone: 'Asia/Shanghai', expiryDays };
};

const post = (account: Account, kind: EntryKind, delta: number, time = at('2026-03-03T02:00:00Z'), id = `${kind}-${delta}`) =>
  postEntry(account, { id, kind, delta, reason: 'test', refId: null }, time);

const sumLots = (account: Account) => account.lots.reduce((sum, lot) => sum + lot.points, 0);

describe('ledger postings', () => {
  it('records balanceAfter and lifetime earnings', () => {
    const first = post(emptyAccount(), 'earn', 30);
    expect(first.entry).toMatchObject({ delta: 30, kind: 'earn', balanceAfter: 30 });
    const second = post(first.account, 'spend', -10);
    expect(second.entry.balanceAfter).toBe(20);
    expect(second.account.earnedTotal).toBe(30); // spending never lowers lifetime earnings
  });

  it('numbers entries in posting order, skips zero postings, and posts several in a row', () => {
    const time = at('2026-03-03T02:00:00Z');
    const { account, entries } = postAll(
      { ...emptyAccount(), seq: undefined },
      [
        { id: 'a', kind: 'earn', delta: 5, reason: '签到', refId: null },
        { id: 'b', kind: 'earn', delta: 0, reason: '没有连签奖励', refId: null },
        { id: 'c', kind: 'earn', delta: 50, reason: '连签', refId: null },
      ],
      time,
    );
    expect(entries.map((e) => [e.id, e.seq, e.balanceAfter])).toEqual([
      ['a', 1, 5],
      ['c', 2, 55],
    ]);
    expect(account).toMatchObject({ balance: 55, seq: 2 });
    expect(post(account, 'spend', -5).entry.seq).toBe(3);
  });

  it('refuses to go below zero and changes nothing', () => {
    const { account } = post(emptyAccount(), 'earn', 5);
    expect(() => post(account, 'spend', -6)).toThrow(DomainError);
    expect(account.balance).toBe(5);
  });

  it('refuses zero, fractions and wrong signs', () => {
    expect(() => post(emptyAccount(), 'earn', 0)).toThrow(DomainError);
    expect(() => post(emptyAccount(), 'earn', 1.5)).toThrow(DomainError);
    expect(() => post(emptyAccount(), 'earn', -1)).toThrow(DomainError);
    expect(() => post(emptyAccount(), 'spend', 1)).toThrow(DomainError);
  });

  it('counts positive adjustments as earned, negative ones not against the tier', () => {
    const up = post(emptyAccount(), 'adjust', 100);
    expect(up.account.earnedTotal).toBe(100);
    const down = post(up.account, 'adjust', -40);
    expect(down.account).toMatchObject({ balance: 60, earnedTotal: 100 });
  });

  it('undoes lifetime earnings when an earning is reversed', () => {
    const earned = post(emptyAccount(), 'earn', 80);
    const reversed = postEntry(
      earned.account,
      { id: 'r', kind: 'reverse', delta: -80, reason: 'revoked', refId: 'e', reverses: { kind: 'earn', delta: 80, day: '2026-03-03' } },
      at('2026-03-03T03:00:00Z'),
    );
    expect(reversed.account).toMatchObject({ balance: 0, earnedTotal: 0, weekEarned: 0, monthEarned: 0 });
  });

  it('expires each day’s points at the start of the day after expiry.days', () => {
    const { account } = post(emptyAccount(), 'earn', 10, at('2026-03-03T02:00:00Z', 30));
    expect(account.lots).toEqual([{ expiresAt: '2026-04-01T16:00:00.000Z', points: 10 }]);
    expect(duePoints(account, new Date('2026-04-01T15:59:59Z')).points).toBe(0);
    expect(duePoints(account, new Date('2026-04-01T16:00:00Z'))).toEqual({ points: 10 });
  });

  it('spends the soonest-expiring points first', () => {
    let account = post(emptyAccount(), 'earn', 10, at('2026-01-01T02:00:00Z')).account;
    account = post(account, 'earn', 20, at('2026-02-01T02:00:00Z')).account;
    account = post(account, 'spend', -15).account;
    expect(account.lots.map((l) => l.points)).toEqual([15]);
    expect(account.lots[0].expiresAt.startsWith('2027-01-31')).toBe(true);
  });

  it('warns about the next batch within 30 days', () => {
    const { account } = post(emptyAccount(), 'earn', 10, at('2026-03-03T02:00:00Z', 40));
    expect(expiringSoon(account, new Date('2026-03-03T03:00:00Z'))).toBeNull();
    expect(expiringSoon(account, new Date('2026-03-20T03:00:00Z'))).toEqual({ points: 10, at: account.lots[0].expiresAt });
  });

  it('resets week and month counters when the period rolls over', () => {
    const first = post(emptyAccount(), 'earn', 10, at('2026-11-22T02:00:00Z')); // a Sunday
    const next = post(first.account, 'earn', 5, at('2026-11-23T02:00:00Z')); // Monday
    expect(next.account).toMatchObject({ weekEarned: 5, monthEarned: 15, earnedTotal: 15 });
  });
});

describe('ledger properties', () => {
  const step = fc.record({
    kind: fc.constantFrom<EntryKind>('earn', 'spend', 'adjust', 'refund', 'expire'),
    amount: fc.integer({ min: 1, max: 500 }),
    dayOffset: fc.integer({ min: 0, max: 800 }),
  });

  it('keeps balance == sum(entries) == sum(lots) >= 0 and the soonest lot in view, whatever is attempted', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let account = emptyAccount();
        const entries: LedgerEntry[] = [];
        let clock = Date.parse('2026-01-01T02:00:00Z');
        steps.forEach((s, i) => {
          clock += s.dayOffset * 3_600_000;
          const now = new Date(clock);
          const time: PostingTime = { now, day: now.toISOString().slice(0, 10), timezone: 'Asia/Shanghai', expiryDays: 30 };
          try {
            if (s.kind === 'expire') {
              const due = duePoints(account, now);
              if (due.points === 0) return;
              ({ account } = postEntry(account, { id: `e${i}`, kind: 'expire', delta: -due.points, reason: '', refId: null }, time));
              entries.push({ delta: -due.points } as LedgerEntry);
              return;
            }
            const delta = s.kind === 'spend' || (s.kind === 'adjust' && i % 2) ? -s.amount : s.amount;
            const posted = postEntry(account, { id: `p${i}`, kind: s.kind, delta, reason: '', refId: null }, time);
            expect(posted.entry.balanceAfter).toBe(account.balance + delta);
            account = posted.account;
            entries.push(posted.entry);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          expect(account.balance).toBeGreaterThanOrEqual(0);
          expect(account.balance).toBe(entries.reduce((sum, e) => sum + e.delta, 0));
          expect(sumLots(account)).toBe(account.balance);
          // The soonest lot is kept beside the lots, for the warning and the expiry index.
          expect([account.nextExpiryAt, account.nextExpiryPoints]).toEqual([
            account.lots[0]?.expiresAt ?? null,
            account.lots[0]?.points ?? 0,
          ]);
          expect(Number.isInteger(account.balance)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers lifetime earnings by spending, expiring or negative adjustments', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0),
          { maxLength: 40 },
        ),
        (deltas) => {
          let account = emptyAccount();
          for (const delta of deltas) {
            const before = account.earnedTotal;
            try {
              account = postEntry(
                account,
                { id: 'x', kind: delta > 0 ? 'earn' : 'spend', delta, reason: '', refId: null },
                at('2026-05-05T05:00:00Z'),
              ).account;
            } catch {
              /* refused spends change nothing */
            }
            expect(account.earnedTotal).toBeGreaterThanOrEqual(before);
          }
        },
      ),
    );
  });
});

describe('points that come back keep their expiry', () => {
  it('a spend says which lots it took; a refund restoring them leaves the lots as they were, whenever it comes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 0, max: 200 }),
        (earnings, wanted, refundAfterDays) => {
          let account = emptyAccount();
          earnings.forEach(
            (points, day) =>
              (account = post(account, 'earn', points, at(`2026-03-${String(day + 1).padStart(2, '0')}T02:00:00Z`), `e${day}`).account),
          );
          const spend = Math.min(wanted, account.balance);
          const spent = post(account, 'spend', -spend, at('2026-03-20T02:00:00Z'));
          if (spent.taken.reduce((sum, lot) => sum + lot.points, 0) !== spend) return false;
          const later = new Date(Date.parse('2026-03-20T02:00:00Z') + refundAfterDays * 86_400_000).toISOString();
          const back = postEntry(
            spent.account,
            { id: 'r', kind: 'refund', delta: spend, reason: 'test', refId: null, restore: spent.taken },
            at(later),
          );
          return JSON.stringify(back.account.lots) === JSON.stringify(account.lots) && back.account.nextExpiryAt === account.nextExpiryAt;
        },
      ),
    );
  });

  it('refuses lots that do not add up to the refund', () => {
    const earned = post(emptyAccount(), 'earn', 50);
    expect(() =>
      postEntry(
        earned.account,
        {
          id: 'r',
          kind: 'refund',
          delta: 20,
          reason: 'test',
          refId: null,
          restore: [{ expiresAt: '2027-01-01T00:00:00.000Z', points: 10 }],
        },
        at('2026-03-04T02:00:00Z'),
      ),
    ).toThrow(DomainError);
  });
});
