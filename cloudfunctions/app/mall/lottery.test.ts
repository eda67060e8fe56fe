import { drawOutcome } from '../../core/lottery';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
const NOW = '2026-06-01T04:00:00Z';

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  const give = (openid: string, delta: number) =>
    h.ok(
      'points',
      'adjust',
      { communityId: c, openid, delta, reason: '测试发分', requestId: `lot-${openid}-${delta}`.padEnd(8, 'x') },
      { openid: 'o_owner', now: NOW },
    );
  const setUp = (draw: Record<string, unknown>) =>
    h.ok('mall', 'upsertDraw', { communityId: c, draw }, { openid: 'o_owner', now: NOW }).then((r) => r.draw);
  const tryOnce = (openid: string, drawId: string, requestId: string) =>
    h.call('mall', 'draw', { communityId: c, drawId, requestId }, { openid, now: NOW });

  describe('lottery', () => {
    it('never awards a prize past its stock under concurrent draws; every try is paid for', async () => {
      const members = Array.from({ length: 20 }, (_, i) => `o_lucky${i}`);
      for (const m of members) {
        await h.ok('community', 'join', { communityId: c }, { openid: m, now: NOW });
        await give(m, 50);
      }
      const draw = await setUp({ name: '必中抽奖', costPoints: 20, prizes: [{ name: '公仔', weight: 10_000, stock: 3 }] });
      const replies = (await Promise.all(members.map((m, i) => tryOnce(m, draw.id, `conc-${i}-xxxx`)))) as any[];
      expect(replies.every((r) => r.ok)).toBe(true);
      expect(replies.filter((r) => r.data.prize)).toHaveLength(3);
      const { draws } = await h.ok('mall', 'draws', { communityId: c }, { openid: 'o_owner' });
      expect(draws[0].prizes[0].stock).toBe(0);
      const { orders } = await h.ok('mall', 'orders', { communityId: c, scope: 'all', limit: 100 }, { openid: 'o_owner' });
      expect(orders).toHaveLength(3);
      const balances = await Promise.all(members.map(async (m) => (await h.ok('points', 'me', { communityId: c }, { openid: m })).balance));
      expect(balances.every((b) => b === 30)).toBe(true);
    });

    it('lands with the table’s frequencies over many draws, and every outcome is auditable', async () => {
      await give('o_alice', 2000);
      const prizes = [
        { id: 'a', name: '一等奖', weight: 2000, stock: 100_000 },
        { id: 'b', name: '二等奖', weight: 3000, stock: 100_000 },
      ];
      const draw = await setUp({ name: '幸运大转盘', costPoints: 1, prizes });
      const N = 2000;
      const counts: Record<string, number> = { a: 0, b: 0, none: 0 };
      for (let i = 0; i < N; i++) {
        const reply = (await tryOnce('o_alice', draw.id, `freq-${i}-xxxx`)) as any;
        counts[reply.data.prize?.id ?? 'none']++;
      }
      // Chi-square against 20% / 30% / 50%, 2 degrees of freedom: 13.8 is the 0.1% critical value.
      const expected = { a: 0.2 * N, b: 0.3 * N, none: 0.5 * N };
      const chi2 = Object.entries(expected).reduce((sum, [k, e]) => sum + (counts[k] - e) ** 2 / e, 0);
      expect(chi2).toBeLessThan(13.8);

      const { entries } = await h.ok('points', 'ledger', { communityId: c, limit: 50 }, { openid: 'o_alice' });
      const table = prizes.map((p) => ({ ...p, kind: 'physical' as const }));
      for (const entry of entries.filter((e: any) => e.refId === draw.id)) {
        expect(entry.detail!.prizeId).toBe(drawOutcome(table, Number(entry.detail!.roll))?.id ?? null);
      }
    });

    it('returns the first outcome for a replayed requestId and refuses a changed one', async () => {
      await give('o_alice', 100);
      const draw = await setUp({ name: '抽奖', costPoints: 10, prizes: [{ name: '券', weight: 5000, stock: 10 }] });
      const first = await tryOnce('o_alice', draw.id, 'replay-draw-1');
      expect(await tryOnce('o_alice', draw.id, 'replay-draw-1')).toEqual(first);
      const other = await setUp({ name: '另一个', costPoints: 10, prizes: [{ name: '券', weight: 5000, stock: 10 }] });
      expect(await tryOnce('o_alice', other.id, 'replay-draw-1')).toMatchObject({ error: { code: 'IDEMPOTENCY_MISMATCH' } });
      expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice' })).balance).toBe(90);
    });

    it('answers a replay of any age with the first outcome, charging once, even when the balance no longer covers a try', async () => {
      await give('o_alice', 10);
      const draw = await setUp({ name: '抽奖', costPoints: 10, prizes: [{ name: '券', weight: 5000, stock: 10 }] });
      const first = await tryOnce('o_alice', draw.id, 'aged-draw-1');
      expect(first.ok).toBe(true);
      for (const later of ['2026-06-02T04:00:01Z', '2026-06-04T04:00:00Z', '2027-06-01T04:00:00Z']) {
        expect(
          await h.call('mall', 'draw', { communityId: c, drawId: draw.id, requestId: 'aged-draw-1' }, { openid: 'o_alice', now: later }),
        ).toEqual(first);
      }
      expect(
        await h.call(
          'mall',
          'draw',
          { communityId: c, drawId: 'other-draw', requestId: 'aged-draw-1' },
          { openid: 'o_alice', now: '2026-06-04T04:00:00Z' },
        ),
      ).toMatchObject({
        error: { code: 'IDEMPOTENCY_MISMATCH' },
      });
      expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice' })).balance).toBe(0);
    });

    it('refuses tables over 100%, tries without points, and members setting up draws', async () => {
      expect(
        await h.call(
          'mall',
          'upsertDraw',
          {
            communityId: c,
            draw: {
              name: 'x',
              costPoints: 1,
              prizes: [
                { name: 'a', weight: 6000, stock: 1 },
                { name: 'b', weight: 5000, stock: 1 },
              ],
            },
          },
          { openid: 'o_owner' },
        ),
      ).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
      expect(
        await h.call(
          'mall',
          'upsertDraw',
          { communityId: c, draw: { name: 'x', costPoints: 1, prizes: [{ name: 'a', weight: 1, stock: 1 }] } },
          { openid: 'o_alice' },
        ),
      ).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      const draw = await setUp({ name: '抽奖', costPoints: 200, prizes: [{ name: '券', weight: 5000, stock: 10 }] });
      expect(await tryOnce('o_bob', draw.id, 'poor-draw-1')).toMatchObject({ error: { code: 'INSUFFICIENT_POINTS' } });
    });

    it('a coupon prize hands out a code from its coupon reward’s pool, once; an empty pool wins nothing', async () => {
      await give('o_alice', 100);
      const { item } = await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '满99减20券', kind: 'coupon', pointsPrice: 80, stock: 0 } },
        { openid: 'o_owner', now: NOW },
      );
      await h.ok('mall', 'loadCodes', { communityId: c, itemId: item.id, codes: ['MJ-1', 'MJ-2'] }, { openid: 'o_owner', now: NOW });
      expect(
        await h.call(
          'mall',
          'upsertDraw',
          { communityId: c, draw: { name: '券', costPoints: 10, prizes: [{ name: '券', weight: 10_000, stock: 5, kind: 'coupon' }] } },
          { openid: 'o_owner', now: NOW },
        ),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const draw = await setUp({
        name: '送券',
        costPoints: 10,
        prizes: [{ name: '满99减20券', weight: 10_000, stock: 5, kind: 'coupon', itemId: item.id }],
      });
      const tries = (await Promise.all([0, 1, 2].map((i) => tryOnce('o_alice', draw.id, `coupon-try-${i}`)))) as any[];
      expect(tries.every((t) => t.ok)).toBe(true);
      expect(tries.filter((t) => t.data.prize)).toHaveLength(2);
      const { orders } = await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' });
      expect(orders.flatMap((o) => o.couponCodes).sort()).toEqual(['MJ-1', 'MJ-2']);
      // The mall's own stock is the same pool.
      const { items } = await h.ok('mall', 'items', { communityId: c }, { openid: 'o_alice' });
      expect(items.find((i) => i.id === item.id)?.stock).toBe(0);
      // A replay is the same outcome, and no code more.
      expect((await tryOnce('o_alice', draw.id, 'coupon-try-0')).ok).toBe(true);
      expect((await h.ok('mall', 'orders', { communityId: c }, { openid: 'o_alice' })).orders.flatMap((o) => o.couponCodes)).toHaveLength(
        2,
      );
    });

    it('cancels a prize order by putting the prize back in the draw', async () => {
      await give('o_alice', 100);
      const draw = await setUp({ name: '必中', costPoints: 10, prizes: [{ name: '公仔', weight: 10_000, stock: 1 }] });
      const won = (await tryOnce('o_alice', draw.id, 'prize-cancel-1')) as any;
      expect(won.data.prize).toMatchObject({ name: '公仔' });
      const cancelled = await h.call(
        'mall',
        'cancel',
        { communityId: c, orderId: won.data.orderId, reason: '奖品缺货' },
        { openid: 'o_owner', now: NOW },
      );
      expect(cancelled).toMatchObject({ ok: true, data: { order: { status: 'cancelled' } } });
      const { draws } = await h.ok('mall', 'draws', { communityId: c }, { openid: 'o_owner' });
      expect(draws[0].prizes[0].stock).toBe(1);
      expect((await tryOnce('o_alice', draw.id, 'prize-cancel-2')) as any).toMatchObject({ data: { prize: { name: '公仔' } } });
    });
  });
});
