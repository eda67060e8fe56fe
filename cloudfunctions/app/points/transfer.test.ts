import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
const NOW = '2026-06-10T04:00:00Z';

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h, '2026-05-01T02:00:00Z');
    // alice reaches 银 (the default minTier) by earning; bob stays 铜.
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 600, reason: '活动', requestId: 'give-alice-01' },
      { openid: 'o_owner', now: NOW },
    );
  });
  const give = (params: Record<string, unknown>, openid = 'o_alice', now = NOW) =>
    h.call('points', 'transfer', { communityId: c, to: 'o_bob', amount: 50, requestId: 'gift-0001', ...params }, { openid, now });
  const me = async (openid: string) => h.ok('points', 'me', { communityId: c }, { openid, now: NOW });

  describe('transfers', () => {
    it('moves points from one member to the other in one step; received points raise no tier', async () => {
      const sent = await give({ message: '生日快乐' });
      expect(sent).toMatchObject({
        ok: true,
        data: { balance: 550, entry: { kind: 'transfer', delta: -50, reason: '转赠给 bob', detail: { message: '生日快乐' } } },
      });
      const bob = await me('o_bob');
      expect(bob).toMatchObject({ balance: 50, earnedTotal: 0, tier: { name: '铜' } });
      const [entry] = (await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_bob', now: NOW })).entries;
      expect(entry).toMatchObject({ kind: 'transfer', delta: 50, reason: 'alice 赠送' });
      // A replay is the same answer and moves nothing more; a changed one is refused.
      expect(await give({ message: '生日快乐' })).toEqual(sent);
      expect(await give({ amount: 60 })).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
      expect((await me('o_alice')).balance).toBe(550);
    });

    it('refuses oneself, non-members, low tiers, the limits and the balance, and changes nothing', async () => {
      await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: NOW });
      const cases: Array<[Record<string, unknown>, string, string?]> = [
        [{ to: 'o_alice' }, 'INVALID_INPUT'],
        [{ to: 'o_nobody' }, 'NOT_FOUND'],
        [{ amount: 101 }, 'LIMIT_REACHED'],
        [{ to: 'o_alice', requestId: 'gift-bob-01' }, 'FORBIDDEN', 'o_bob'],
      ];
      for (const [params, code, from] of cases) expect(await give(params, from)).toMatchObject({ ok: false, error: { code } });
      // 200 a day: two of 100, then nothing more today; tomorrow again.
      expect((await give({ amount: 100, requestId: 'gift-day-01' })).ok).toBe(true);
      expect((await give({ amount: 100, requestId: 'gift-day-02', to: 'o_carol' })).ok).toBe(true);
      expect(await give({ amount: 1, requestId: 'gift-day-03' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      expect((await give({ amount: 1, requestId: 'gift-day-04' }, 'o_alice', '2026-06-11T04:00:00Z')).ok).toBe(true);
      // A receiving limit, a membership age, the balance.
      await h.ok(
        'community',
        'updateRules',
        { communityId: c, rules: { transfer: { receiveDailyLimit: 120, minMemberDays: 60 } } },
        { openid: 'o_owner', now: NOW },
      );
      expect(await give({ amount: 10, requestId: 'gift-age-01' }, 'o_alice', '2026-06-12T04:00:00Z')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '加入满 60 天后才能转赠积分' },
      });
      await h.ok(
        'community',
        'updateRules',
        {
          communityId: c,
          rules: { transfer: { minMemberDays: 0, maxPerTransfer: 10_000, dailyLimit: 10_000, receiveDailyLimit: 10_000 } },
        },
        { openid: 'o_owner', now: NOW },
      );
      expect(await give({ amount: 5000, requestId: 'gift-much-01' }, 'o_alice', '2026-06-12T04:00:00Z')).toMatchObject({
        ok: false,
        error: { code: 'INSUFFICIENT_POINTS' },
      });
      await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: '小号' }, { openid: 'o_owner', now: NOW });
      expect(await give({ amount: 10, requestId: 'gift-ban-01' }, 'o_alice', '2026-06-12T04:00:00Z')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const [alice, bob, carol] = await Promise.all(['o_alice', 'o_bob', 'o_carol'].map(me));
      expect(alice.balance + bob.balance + carol.balance).toBe(600);
      expect([bob.earnedTotal, carol.earnedTotal]).toEqual([0, 0]);
    });

    it('shows staff a member’s transfers both ways, with whom, so a ring of second accounts stands out', async () => {
      await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: NOW });
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_carol', delta: 600, reason: '活动', requestId: 'give-carol-01' },
        { openid: 'o_owner', now: NOW },
      );
      await give({ amount: 30, message: '谢谢' });
      await give({ amount: 40, requestId: 'gift-0002' }, 'o_carol');
      await give({ amount: 5, to: 'o_carol', requestId: 'gift-0003' }, 'o_alice');
      const bob = await h.ok('community', 'member', { communityId: c, openid: 'o_bob' }, { openid: 'o_owner', now: NOW });
      expect(bob.transfers.map((t) => [t.direction, t.openid, t.points, t.message])).toEqual([
        ['in', 'o_carol', 40, null],
        ['in', 'o_alice', 30, '谢谢'],
      ]);
      const alice = await h.ok('community', 'member', { communityId: c, openid: 'o_alice' }, { openid: 'o_owner', now: NOW });
      expect(alice.transfers.map((t) => [t.direction, t.openid, t.points])).toEqual([
        ['out', 'o_carol', 5],
        ['out', 'o_bob', 30],
      ]);
      expect(await h.call('community', 'member', { communityId: c, openid: 'o_bob' }, { openid: 'o_alice', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('racing gifts never pass the daily limit nor lose or make a point', async () => {
      const gifts = await Promise.all(Array.from({ length: 6 }, (_, i) => give({ amount: 60, requestId: `gift-race-${i}` })));
      expect(gifts.filter((g) => g.ok)).toHaveLength(3);
      expect(gifts.filter((g) => !g.ok).map((g) => !g.ok && g.error.code)).toEqual(['LIMIT_REACHED', 'LIMIT_REACHED', 'LIMIT_REACHED']);
      const [alice, bob] = await Promise.all([me('o_alice'), me('o_bob')]);
      expect([alice.balance, bob.balance]).toEqual([420, 180]);
    });
  });
});
