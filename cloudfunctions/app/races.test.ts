import { STORIES } from '../core/testing/stories';
import { MemoryWxDatabase } from '../store/testing/memoryWxDatabase';
import { WxCloudStore } from '../store/wxcloud/wxcloudStore';
import { communityWithMembers, sqliteHarness, type Harness } from '../testing/harness';

/**
 * Twenty callers at once on one hot document, through the double of the cloud database: its
 * conflicts are reported the way wx-server-sdk reports them, so these pass only if the
 * adapter really retries them. Every call ends with a business answer, never CONFLICT.
 */
const NOW = '2026-06-01T04:00:00Z';
const codes = (replies: Array<{ ok: boolean; error?: { code: string } }>) => replies.map((r) => (r.ok ? 'ok' : r.error!.code)).sort();
const tally = (list: string[]) =>
  list.reduce<Record<string, number>>((counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }), {});

let db: MemoryWxDatabase;
let h: Harness;
let c: string;
beforeEach(async () => {
  db = new MemoryWxDatabase();
  h = sqliteHarness(new WxCloudStore(db));
  c = await communityWithMembers(h);
});

const retried = () => db.counts.conflicts;

it('20 check-ins of one member at once: one credit, 19 ALREADY_DONE', async () => {
  db.resetCounts();
  const replies = await Promise.all(Array.from({ length: 20 }, () => h.call('checkin', 'checkin', { communityId: c }, { now: NOW })));
  expect(tally(codes(replies))).toEqual({ ok: 1, ALREADY_DONE: 19 });
  expect(retried()).toBeGreaterThan(0);
  expect((await h.ok('points', 'me', { communityId: c }, { now: NOW })).balance).toBe(5);
});

it('20 members redeem the last 5 units at once: 5 orders, 15 OUT_OF_STOCK, stock 0', async () => {
  const members = Array.from({ length: 20 }, (_, i) => `o_racer${i}`);
  for (const m of members) {
    await h.ok('community', 'join', { communityId: c }, { openid: m, now: NOW });
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: m, delta: 100, reason: '测试', requestId: `give-${m}` },
      { openid: 'o_owner', now: NOW },
    );
  }
  const { item } = await h.ok(
    'mall',
    'upsertItem',
    { communityId: c, item: { name: '限量周边', pointsPrice: 100, stock: 5 } },
    { openid: 'o_owner', now: NOW },
  );
  db.resetCounts();
  const replies = await Promise.all(
    members.map((m, i) =>
      h.call(
        'mall',
        'redeem',
        { communityId: c, itemId: item.id, requestId: `race-${i}-xxxx`, shipping: { name: '小美', phone: '13800000000', address: '上海' } },
        { openid: m, now: NOW },
      ),
    ),
  );
  expect(tally(codes(replies))).toEqual({ ok: 5, OUT_OF_STOCK: 15 });
  expect(retried()).toBeGreaterThan(0);
  const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_owner', now: NOW });
  expect(items[0].stock).toBe(0);
  const balances = await Promise.all(
    members.map(async (m) => (await h.ok('points', 'me', { communityId: c }, { openid: m, now: NOW })).balance),
  );
  expect(balances.filter((b) => b === 0)).toHaveLength(5);
});

it('20 approvals of one post at once: one credit, 19 ALREADY_DONE', async () => {
  const { post } = await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, { now: NOW });
  db.resetCounts();
  const replies = await Promise.all(
    Array.from({ length: 20 }, () =>
      h.call('posts', 'review', { communityId: c, postId: post.id, decision: 'approve', points: 80 }, { openid: 'o_owner', now: NOW }),
    ),
  );
  expect(tally(codes(replies))).toEqual({ ok: 1, ALREADY_DONE: 19 });
  expect(retried()).toBeGreaterThan(0);
  expect((await h.ok('points', 'me', { communityId: c }, { now: NOW })).balance).toBe(80);
});
