import { addDays } from '../core/days';
import { STORIES } from '../core/testing/stories';
import { counting, type Counts } from '../store/testing/counting';
import { MemoryWxDatabase } from '../store/testing/memoryWxDatabase';
import { WxCloudStore } from '../store/wxcloud/wxcloudStore';
import { ids } from './kernel/documents';
import { communityWithMembers, sqliteHarness } from '../testing/harness';

/**
 * What the hot actions cost the cloud database, held to budgets without any timing: document
 * operations and the bytes of JSON they move (a patch counts its fields only), on the cloud's
 * double, for members with a long history — a year and a half of daily check-ins, a year of
 * lots and per-day earnings — so that a change which makes a member document or an action's
 * reads grow with history, or doubles what an action moves, fails `npm test`. Each budget is
 * what the action costs today with room for a small change, well below twice (the member
 * document, ~26 KB with a year of history, is most of every points change).
 */
const BUDGETS: Record<string, { ops: number; bytesRead: number; bytesWritten: number }> = {
  'checkin.checkin': { ops: 6, bytesRead: 31_000, bytesWritten: 30_000 },
  'points.me': { ops: 3, bytesRead: 3_000, bytesWritten: 0 },
  'points.ledger': { ops: 3, bytesRead: 13_500, bytesWritten: 0 },
  'mall.redeem': { ops: 7, bytesRead: 31_500, bytesWritten: 30_000 },
  // + the member's notice (points_adjusted).
  'points.adjust': { ops: 9, bytesRead: 31_500, bytesWritten: 30_500 },
  'points.transfer': { ops: 9, bytesRead: 61_000, bytesWritten: 59_000 },
  'posts.like': { ops: 10, bytesRead: 31_500, bytesWritten: 29_000 },
  // #24: the community and the staff's membership, then one transaction of five — the member read; the entry, the member, the receipt notice and the audit line written.
  'points.purchase': { ops: 7, bytesRead: 32_000, bytesWritten: 30_500 },
};
/** A member document's JSON, whatever the member's history: a year of lots and of per-day earnings, at most. */
const MEMBER_DOC_BYTES = 30_000;

const START = '2025-06-01';
const at = (day: string) => `${day}T02:00:00Z`;

describe('what the hot actions cost (wxcloud double)', () => {
  const measured = new Map<string, Counts>();
  const memberBytes: number[] = [];

  beforeAll(async () => {
    const cost = counting(new WxCloudStore(new MemoryWxDatabase()));
    const h = sqliteHarness(cost.store);
    const c = await communityWithMembers(h, at(START));
    const owner = { openid: 'o_owner' };
    await h.ok(
      'community',
      'updateRules',
      { communityId: c, rules: { transfer: { minTier: '铜', minMemberDays: 0 } } },
      { ...owner, now: at(START) },
    );
    const memberSize = async () => Buffer.byteLength(JSON.stringify(await cost.store.get('members', ids.member(c, 'o_alice'))));
    // A year and a half of daily check-ins for alice and bob, and the daily expiry job: the member
    // documents as big as history makes them (a year of lots and of per-day earnings).
    let day = START;
    for (let i = 1; i <= 550; i++) {
      day = addDays(START, i);
      for (const openid of ['o_alice', 'o_bob']) await h.ok('checkin', 'checkin', { communityId: c }, { openid, now: at(day) });
      await h.ok('jobs', 'expirePoints', {}, { openid: null, source: 'wx_trigger', now: at(day) });
      if (i === 400 || i === 550) memberBytes.push(await memberSize());
    }
    const now = at(addDays(day, 1));
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '券', kind: 'service', pointsPrice: 5, stock: 10 } },
      { ...owner, now },
    );
    const { post } = await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, { openid: 'o_bob', now });
    await h.ok('posts', 'review', { communityId: c, postId: post.id, decision: 'approve' }, { ...owner, now });
    await h.ok('community', 'updateRules', { communityId: c, rules: { purchase: { enabled: true } } }, { ...owner, now });
    const { code } = await h.ok('points', 'memberCode', { communityId: c }, { openid: 'o_alice', now });
    const actions: Array<[string, () => Promise<unknown>]> = [
      ['checkin.checkin', () => h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_alice', now })],
      ['points.me', () => h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now })],
      ['points.ledger', () => h.ok('points', 'ledger', { communityId: c, limit: 20 }, { openid: 'o_alice', now })],
      [
        'mall.redeem',
        () => h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'cost-redeem-1' }, { openid: 'o_alice', now }),
      ],
      [
        'points.adjust',
        () =>
          h.ok(
            'points',
            'adjust',
            { communityId: c, openid: 'o_alice', delta: 5, reason: '补偿', requestId: 'cost-adjust-1' },
            { ...owner, now },
          ),
      ],
      [
        'points.transfer',
        () =>
          h.ok('points', 'transfer', { communityId: c, to: 'o_bob', amount: 10, requestId: 'cost-transfer-1' }, { openid: 'o_alice', now }),
      ],
      ['posts.like', () => h.ok('posts', 'like', { communityId: c, postId: post.id }, { openid: 'o_alice', now })],
      [
        'points.purchase',
        () => h.ok('points', 'purchase', { communityId: c, code, amountFen: 9_900, requestId: 'cost-purchase-1' }, { ...owner, now }),
      ],
    ];
    for (const [name, run] of actions) {
      cost.reset();
      await run();
      measured.set(name, cost.counts());
    }
  });

  it.each(Object.keys(BUDGETS))('%s stays within its operations and bytes', (name) => {
    const c = measured.get(name)!;
    const cost = { ops: c.reads + c.writes + c.queries, bytesRead: c.bytesRead, bytesWritten: c.bytesWritten };
    const over = (Object.keys(cost) as Array<keyof typeof cost>)
      .filter((k) => cost[k] > BUDGETS[name][k])
      .map((k) => `${k} ${cost[k]} > ${BUDGETS[name][k]}`);
    expect([name, over]).toEqual([name, []]);
  });

  it('keeps a member document bounded whatever the history: the same after 400 days and 550', () => {
    const [after400, after550] = memberBytes;
    expect(after550).toBeLessThanOrEqual(MEMBER_DOC_BYTES);
    expect(Math.abs(after550 - after400)).toBeLessThan(after400 * 0.05);
  });
});
