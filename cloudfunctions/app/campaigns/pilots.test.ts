import { pilotBucket } from '../../core/pilots';
import { eachStore, type Harness } from '../../testing/harness';

/** #25 item 5: 试点 — a campaign for a share of members or a segment, and its comparison with the rest. */
const day = (n: number, time = '02:00:00') => `2026-06-${String(n).padStart(2, '0')}T${time}Z`;
const owner = (now = day(1)) => ({ openid: 'o_owner', now });
const MEMBERS = Array.from({ length: 12 }, (_, i) => `o_m${String(i).padStart(2, '0')}`);

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = (await h.ok('community', 'create', { name: '试点群' }, owner('2026-04-01T02:00:00Z'))).community.id;
    // Half joined long ago (not new), half a week before the campaign (new).
    for (const [i, openid] of MEMBERS.entries())
      await h.ok(
        'community',
        'join',
        { communityId: c, nickname: openid.slice(2) },
        { openid, now: i < 6 ? '2026-04-02T02:00:00Z' : '2026-05-28T02:00:00Z' },
      );
  });
  const upsert = (campaign: Record<string, unknown>, now = day(1)) =>
    h.call('campaigns', 'upsert', { communityId: c, campaign }, owner(now));
  const double = (pilot: unknown) => ({
    kind: 'multiplier',
    name: '签到翻倍试点',
    actions: ['checkin'],
    multiplier: 3,
    startsAt: day(1, '00:00:00'),
    endsAt: '2026-06-21T00:00:00+08:00',
    pilot,
  });
  const checkIn = async (openid: string, n: number) =>
    (await h.ok('checkin', 'checkin', { communityId: c }, { openid, now: day(n) })).awarded as number;

  it('a share pilot pays only the members its hash puts in, the same members every day', async () => {
    const { campaign } = await h.ok('campaigns', 'upsert', { communityId: c, campaign: double({ share: 50 }) }, owner());
    expect(campaign.pilot).toEqual({ share: 50, segment: null });
    for (const openid of MEMBERS) {
      const inPilot = pilotBucket(campaign.id, openid) < 50;
      expect([openid, await checkIn(openid, 2)]).toEqual([openid, inPilot ? 15 : 5]);
      // Its banner is shown only to whom it pays.
      const { campaigns } = await h.ok('campaigns', 'list', { communityId: c }, { openid, now: day(2) });
      expect([openid, campaigns.length]).toEqual([openid, inPilot ? 1 : 0]);
    }
    expect(
      MEMBERS.some((openid) => pilotBucket(campaign.id, openid) < 50) && MEMBERS.some((openid) => pilotBucket(campaign.id, openid) >= 50),
    ).toBe(true);
  });

  it('a segment pilot enrols the segment as it stood when made: a member who joins later is not in it', async () => {
    const { campaign } = await h.ok('campaigns', 'upsert', { communityId: c, campaign: double({ segment: 'new' }) }, owner());
    await h.ok('community', 'join', { communityId: c, nickname: 'late' }, { openid: 'o_late', now: day(1, '05:00:00') });
    expect(await checkIn('o_m00', 2)).toBe(5);
    expect(await checkIn('o_m07', 2)).toBe(15);
    expect(await checkIn('o_late', 2)).toBe(5);
    expect(await upsert({ ...double({ share: 10 }), id: campaign.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '试点对象创建后不能更改' },
    });
    expect(await upsert({ ...double({ segment: 'new' }), id: campaign.id, name: '改个名字' })).toMatchObject({ ok: true });
  });

  it('compares the pilot with the rest over the same days, per member, and answers the same comparison all day', async () => {
    const { campaign } = await h.ok('campaigns', 'upsert', { communityId: c, campaign: double({ segment: 'new' }) }, owner());
    // The pilot (new members) check in on days 2 and 20; of the rest only one, on day 2.
    for (const openid of MEMBERS.slice(6)) for (const n of [2, 20]) await checkIn(openid, n);
    await checkIn('o_m00', 2);
    const item = (
      await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '贴纸', pointsPrice: 10, stock: 10, kind: 'service' } }, owner())
    ).item;
    await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'pilot-redeem-1' }, { openid: 'o_m06', now: day(3) });
    const report = await h.ok('campaigns', 'pilotReport', { communityId: c, campaignId: campaign.id }, owner(day(25)));
    expect(report).toEqual({
      campaignId: campaign.id,
      pilot: { share: null, segment: 'new' },
      from: '2026-06-01',
      to: '2026-06-20',
      status: 'done',
      counted: 13,
      compared: {
        pilot: { members: 6, activeDays: 2.2, earned: 30, spent: 1.7, retention: 1 },
        rest: { members: 7, activeDays: 0.1, earned: 0.7, spent: 0, retention: 0 },
      },
    });
    expect(await h.ok('campaigns', 'pilotReport', { communityId: c, campaignId: campaign.id }, owner(day(26)))).toEqual(report);
    expect(
      await h.call('campaigns', 'pilotReport', { communityId: c, campaignId: campaign.id }, { openid: 'o_m00', now: day(25) }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a pilot that is both or neither, out of range, too long, or a report of no pilot', async () => {
    for (const pilot of [{ share: 0 }, { share: 100 }, { share: 10, segment: 'new' }, {}, { segment: 'vip' }, { share: '10' }, 'half']) {
      expect(await upsert(double(pilot))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await upsert({ ...double({ share: 10 }), endsAt: '2026-12-01T00:00:00+08:00' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('试点活动最长 90 天') },
    });
    const plain = await h.ok('campaigns', 'upsert', { communityId: c, campaign: double(null) }, owner());
    expect(await h.call('campaigns', 'pilotReport', { communityId: c, campaignId: plain.campaign.id }, owner())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const later = await h.ok(
      'campaigns',
      'upsert',
      { communityId: c, campaign: { ...double({ share: 10 }), startsAt: day(10), endsAt: day(20) } },
      owner(),
    );
    expect(await h.call('campaigns', 'pilotReport', { communityId: c, campaignId: later.campaign.id }, owner())).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

eachStore((open) => {
  it("a rules pilot pays its members by the rules tried (check-in, streak, answer, like) and shows them their own rules; the rest keep the community's", async () => {
    const h = open();
    const c = (await h.ok('community', 'create', { name: '规则试行群' }, owner('2026-04-01T02:00:00Z'))).community.id;
    for (const openid of MEMBERS)
      await h.ok('community', 'join', { communityId: c, nickname: openid.slice(2) }, { openid, now: '2026-04-02T02:00:00Z' });
    const tried = {
      kind: 'rules',
      name: '签到加到 10 分',
      startsAt: day(1, '00:00:00'),
      endsAt: '2026-06-21T00:00:00+08:00',
      rules: { checkin: { points: 10, streakBonus: undefined }, like: { points: 3 } },
      pilot: { share: 50 },
    };
    const { campaign } = await h.ok('campaigns', 'upsert', { communityId: c, campaign: tried }, owner());
    expect(campaign.kind === 'rules' && campaign.rules).toEqual({ checkin: { points: 10 }, like: { points: 3 } });
    for (const openid of MEMBERS) {
      const inPilot = pilotBucket(campaign.id, openid) < 50;
      const { awarded } = await h.ok('checkin', 'checkin', { communityId: c }, { openid, now: day(2) });
      const { community } = await h.ok('community', 'get', { communityId: c }, { openid, now: day(2) });
      expect([openid, awarded, community.rules.checkin, community.rules.like.points]).toEqual([
        openid,
        inPilot ? 10 : 5,
        { points: inPilot ? 10 : 5, streakDays: 7, streakBonus: 50 },
        inPilot ? 3 : 1,
      ]);
    }
    // Staff see (and edit) the community's own rules.
    expect((await h.ok('community', 'get', { communityId: c }, owner(day(2)))).community.rules.checkin.points).toBe(5);
    for (const rules of [{}, { checkin: {} }, { checkin: { points: -1 } }, { tiers: [] }, { like: { points: 5000 } }]) {
      expect(await h.call('campaigns', 'upsert', { communityId: c, campaign: { ...tried, rules } }, owner())).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});
