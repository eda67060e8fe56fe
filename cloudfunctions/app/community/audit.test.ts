import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #28 item 5: the owner's 操作日志 — who did what to whom, filtered by action and by person. */
const NOW = '2026-03-02T02:00:00Z';
const as = (openid: string, minute = 0) => ({ openid, now: new Date(Date.parse(NOW) + minute * 60_000).toISOString() });
const owner = as('o_owner');

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'join', { communityId: c, nickname: '阿杰' }, as('o_mod'));
    await h.ok('community', 'setRole', { communityId: c, openid: 'o_mod', role: 'moderator' }, owner);
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 50, reason: '活动奖励', requestId: 'audit-adjust-1' },
      as('o_owner', 1),
    );
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_bob', delta: 5, reason: '答疑奖励', requestId: 'audit-adjust-2' },
      as('o_mod', 2),
    );
    await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: '发广告' }, as('o_owner', 3));
  });
  const audit = async (filter: Record<string, unknown> = {}) =>
    (await h.ok('community', 'audit', { communityId: c, ...filter }, owner)).events;

  it('names who acted and the member concerned, newest first', async () => {
    const events = await audit();
    expect(events.map((e) => [e.action, e.actorName, e.memberName])).toEqual([
      ['community.ban', expect.any(String), 'bob'],
      ['points.adjust', '阿杰', 'bob'],
      ['points.adjust', expect.any(String), 'alice'],
      ['community.setRole', expect.any(String), '阿杰'],
    ]);
    expect(events[0]).toMatchObject({ actor: 'o_owner', member: 'o_bob', detail: { banned: true, reason: '发广告' } });
  });

  it('filters by person, by action, and by both; refuses junk and non-owners', async () => {
    expect((await audit({ actor: 'o_mod' })).map((e) => e.action)).toEqual(['points.adjust']);
    expect((await audit({ kind: 'points.adjust' })).map((e) => e.memberName)).toEqual(['bob', 'alice']);
    expect((await audit({ actor: 'o_owner', kind: 'points.adjust' })).map((e) => e.memberName)).toEqual(['alice']);
    expect(await audit({ actor: 'o_nobody' })).toEqual([]);
    expect(await h.call('community', 'audit', { communityId: c, actor: { $ne: null } }, owner)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('community', 'audit', { communityId: c }, as('o_mod'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
