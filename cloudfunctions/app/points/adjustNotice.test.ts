import type { outboxMessenger } from '../../platform/local/outbox';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** An owner's award or deduction is told to its member once: a notice and a points-changed message. */
const NOW = '2026-03-02T02:00:00Z';

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  it('tells the member once, however often or concurrently the award is replayed', async () => {
    const award = () =>
      h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 30, reason: '分享经验奖励', requestId: 'award-0001' },
        { openid: 'o_owner', now: NOW },
      );
    await Promise.all([award(), award(), award()]);
    await award();
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: -5, reason: '重复签到扣回', requestId: 'award-0002' },
      { openid: 'o_owner', now: NOW },
    );
    const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: NOW });
    expect(notices.filter((n) => n.kind === 'points_adjusted').map((n) => [n.title, n.points, n.body])).toEqual([
      ['群主扣除了 5 积分', -5, '重复签到扣回'],
      ['群主奖励了 30 积分', 30, '分享经验奖励'],
    ]);
    const sent = (h.platform.messages as ReturnType<typeof outboxMessenger>).sent.filter((m) => m.openid === 'o_alice');
    expect(sent.map((m) => [m.purpose, m.outcome, m.points, m.page])).toEqual([
      ['pointsChanged', '积分调整', 30, '/pages/ledger/index'],
      ['pointsChanged', '积分调整', -5, '/pages/ledger/index'],
    ]);
  });
});
