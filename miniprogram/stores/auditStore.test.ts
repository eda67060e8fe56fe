import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor } from './testing';
import { describeAudit } from './AuditStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

/** #28 item 5 in the app's store: the 操作日志, in words, by action and by person. */
const now = '2026-06-10T02:00:00Z';
let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h, '2026-05-01T02:00:00Z');
  await h.ok('community', 'join', { communityId: c, nickname: '阿杰' }, { openid: 'o_mod', now });
  await h.ok('community', 'setRole', { communityId: c, openid: 'o_mod', role: 'moderator' }, { openid: 'o_owner', now });
  await h.ok(
    'points',
    'adjust',
    { communityId: c, openid: 'o_alice', delta: 30, reason: '活动奖励', requestId: 'audit-store-1' },
    { openid: 'o_mod', now: '2026-06-10T02:01:00Z' },
  );
  await h.ok(
    'community',
    'ban',
    { communityId: c, openid: 'o_bob', banned: true, reason: '发广告' },
    { openid: 'o_owner', now: '2026-06-10T02:02:00Z' },
  );
});

describe('操作日志', () => {
  it('says each action in words, and narrows by person and by action', async () => {
    const root = new RootStore(
      gatewayFor(h, 'o_owner', () => now),
      memoryStorage(),
      c,
    );
    await root.session.load();
    await Promise.all([root.audit.load(), root.audit.loadStaff()]);
    expect(root.audit.events.map(describeAudit)).toEqual(['禁用「bob」：发广告', '给「alice」+30 积分：活动奖励', '把「阿杰」设为管理员']);
    expect(root.audit.staff.map((p) => [p.openid, p.role])).toEqual([
      ['o_owner', 'owner'],
      ['o_mod', 'moderator'],
    ]);
    await root.audit.filterBy({ actor: 'o_mod' });
    expect(root.audit.events.map((e) => e.actorName)).toEqual(['阿杰']);
    await root.audit.filterBy({ kind: 'community.ban' });
    expect(root.audit.events).toEqual([]);
    await root.audit.filterBy({ actor: null });
    expect(root.audit.events.map((e) => e.memberName)).toEqual(['bob']);
    // A slower answer for an earlier filter never replaces a later one's.
    const first = root.audit.filterBy({ kind: null });
    const second = root.audit.filterBy({ kind: 'points.adjust' });
    await Promise.all([first, second]);
    expect(root.audit.events.map((e) => e.action)).toEqual(['points.adjust']);
  });

  it('names the courier and tracking number of a shipped order', () => {
    const detail = { member: 'o_alice', item: '护手霜', note: '周一到', delivery: { courier: '顺丰速运', trackingNo: 'SF123' } };
    expect(describeAudit({ action: 'mall.fulfil', memberName: 'alice', detail })).toBe(
      '完成「alice」的订单「护手霜」（顺丰速运 SF123，周一到）',
    );
    expect(describeAudit({ action: 'mall.fulfil', memberName: 'alice', detail: { item: '护手霜', note: null } })).toBe(
      '完成「alice」的订单「护手霜」',
    );
  });
});
