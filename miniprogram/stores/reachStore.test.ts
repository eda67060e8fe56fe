import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';
import { awardProblems, broadcastProblems, namesIn } from './ReachStore';

const NOW = '2026-06-01T04:00:00Z';
const gatewayFor = (h: Harness, openid: string, lose?: { action: string; times: number }) => sharedGateway(h, openid, NOW, lose);

let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
  // Two members named alike: a nickname shared by both cannot be meant.
  await h.ok('community', 'join', { communityId: c, nickname: '小美' }, { openid: 'o_mei1', now: NOW });
  await h.ok('community', 'join', { communityId: c, nickname: '小美' }, { openid: 'o_mei2', now: NOW });
});

describe('the reach store', () => {
  it('says what to fix before anything is sent', () => {
    const form = { audience: 'list' as const, segment: 'active' as const, list: ' \n', amount: '0', reason: '' };
    expect(awardProblems(form)).toEqual({ list: expect.any(String), amount: '每人发 1 到 10000 积分', reason: expect.any(String) });
    expect(awardProblems({ ...form, list: 'alice', amount: '50', reason: '活动' })).toEqual({});
    expect(broadcastProblems({ audience: 'all', segment: 'active', title: '', body: 'x'.repeat(501) })).toEqual({
      title: '请写标题',
      body: '内容最多 500 个字',
    });
    expect(namesIn('alice\nbob, alice、 carol；')).toEqual(['alice', 'bob', 'carol']);
  });

  it('matches a pasted list to members, and credits each once though the answer was lost and the owner tapped again', async () => {
    const root = new RootStore(gatewayFor(h, 'o_owner', { action: 'bulkAward', times: 1 }), memoryStorage(), c);
    root.reach.setAward({ audience: 'list', list: 'alice\no_bob\n小美\n路人甲', amount: '30', reason: '三月活动' });
    expect(await root.reach.matchList()).toBe(true);
    expect(root.reach.matched).toEqual({ openids: ['o_alice', 'o_bob'], missing: ['路人甲'], ambiguous: ['小美'] });
    expect(root.reach.reach('list', 'active')).toBe(2);
    expect(await root.reach.sendAward()).toBe(false);
    expect(root.reach.awarding.error).toBe('网络开小差了，请稍后重试');
    expect(await root.reach.sendAward()).toBe(true);
    expect(root.reach.awardBatch).toMatchObject({ status: 'done', total: 2, credited: 2 });
    for (const openid of ['o_alice', 'o_bob'])
      expect((await h.ok('points', 'me', { communityId: c }, { openid, now: NOW })).balance).toBe(30);
  });

  it('broadcasts to everyone and shows how many were reached; the fourth of a day is refused in words', async () => {
    const root = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
    await root.reach.load();
    // Before the hourly count nothing is guessed; after it, the numbers are the health page's.
    expect(root.reach.reach('all', 'active')).toBeNull();
    await h.ok('jobs', 'rollupStats', {}, { openid: null, source: 'wx_trigger', now: '2026-06-01T05:00:00Z' });
    await root.reach.load();
    expect(root.reach.reach('all', 'active')).toBe(5);
    for (const n of [1, 2, 3]) {
      root.reach.setCast({ title: `公告 ${n}`, body: '周六下午线下见' });
      expect(await root.reach.sendBroadcast()).toBe(true);
    }
    expect(root.reach.castBatch).toMatchObject({ kind: 'broadcast', status: 'done', credited: 5 });
    root.reach.setCast({ title: '公告 4', body: '再说一次' });
    expect(await root.reach.sendBroadcast()).toBe(false);
    expect(root.reach.casting.error).toContain('每天最多发 3 条公告');
  });
});
