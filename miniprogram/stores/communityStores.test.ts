import { sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { swapCloudIds } from '../../cloudfunctions/local/cloudIds';
import { issueGroupCloudId } from '../../cloudfunctions/platform/local/groupCloudIds';
import { unwrap, type Gateway } from '../gateway/gateway';
import { autorun } from 'mobx';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T02:00:00Z';
const gatewayFor = (h: Harness, openid: string): Gateway => ({
  call: async (fn, action, params) =>
    unwrap(await h.call(fn, action, swapCloudIds(params, new Date(NOW)) as Record<string, unknown>, { openid, now: NOW })) as never,
});

let h: Harness;
let a: string;
let b: string;
beforeEach(async () => {
  h = sqliteHarness();
  a = (await h.ok('community', 'create', { name: '花园宝妈' }, { openid: 'o_owner', now: NOW })).community.id;
  b = (await h.ok('community', 'create', { name: '读书会' }, { openid: 'o_reader', now: NOW })).community.id;
});

describe('which community the app opens (API v3)', () => {
  it('opens my most recently active community, switches, and opens the last used next time', async () => {
    for (const c of [a, b]) await h.ok('community', 'join', { communityId: c, nickname: '小美' }, { openid: 'o_mei', now: NOW });
    await h.ok('checkin', 'checkin', { communityId: b }, { openid: 'o_mei', now: NOW });
    const storage = memoryStorage();
    const first = new RootStore(gatewayFor(h, 'o_mei'), storage, null);
    await first.session.start();
    expect(first.session.communityId).toBe(b);
    expect(first.session.communities.map((x) => [x.name, x.role])).toEqual([
      ['读书会', 'member'],
      ['花园宝妈', 'member'],
    ]);
    await first.session.switchTo(a);
    expect([first.session.community?.name, first.session.role]).toEqual(['花园宝妈', 'member']);
    const next = new RootStore(gatewayFor(h, 'o_mei'), storage, null);
    await next.session.start();
    expect(next.session.communityId).toBe(a);
  });

  it('opens the community of the group whose card was tapped, whatever was open last; a newcomer joins in one tap', async () => {
    await h.ok(
      'community',
      'bindGroup',
      { communityId: b, groupCloudId: { cloudID: issueGroupCloudId('G_books', new Date(NOW)) } },
      { openid: 'o_reader', now: NOW },
    );
    const storage = memoryStorage();
    storage.set('communityId', a);
    const inGroup = async () => issueGroupCloudId('G_books', new Date(NOW));
    const newcomer = new RootStore(gatewayFor(h, 'o_new'), storage, null, undefined, inGroup);
    await newcomer.session.start();
    expect(newcomer.session.communityId).toBe(b);
    await newcomer.session.load();
    expect(newcomer.session.isMember).toBe(false);
    expect(await newcomer.session.join('新朋友')).toBe(true);
    expect((await h.ok('community', 'member', { communityId: b, openid: 'o_new' }, { openid: 'o_reader', now: NOW })).member.groupId).toBe(
      'G_books',
    );
  });

  it('leaves someone in no community without one, and 创建社群 makes them its owner, once however often it is sent', async () => {
    const storage = memoryStorage();
    const owner = new RootStore(gatewayFor(h, 'o_new_owner'), storage, null);
    await owner.session.start();
    expect(owner.session.communityId).toBeNull();
    expect(await owner.session.create(' 宝妈互助群 ', 'parenting', 'create-intent-1')).toBe(true);
    expect([owner.session.community?.name, owner.session.community?.rules.checkin.points, owner.session.role]).toEqual([
      '宝妈互助群',
      3,
      'owner',
    ]);
    expect(await owner.session.create('宝妈互助群', 'parenting', 'create-intent-1')).toBe(true);
    await owner.session.loadCommunities();
    expect(owner.session.communities).toHaveLength(1);
  });

  it('offers 创建社群 only once it knows, without flashing it up and away while finding out', async () => {
    const someone = new RootStore(gatewayFor(h, 'o_nobody'), memoryStorage(), null);
    const seen: boolean[] = [];
    const stop = autorun(() => seen.push(someone.session.inNoCommunity));
    await someone.session.load();
    await someone.session.load();
    stop();
    expect(seen).toEqual([false, true]);
  });

  it('asks again where to open when finding out failed, rather than offering 创建社群 on a guess', async () => {
    let offline = true;
    const flaky: Gateway = {
      call: async (fn, action, params) => {
        if (offline) throw new Error('network down');
        return gatewayFor(h, 'o_mei').call(fn, action, params);
      },
    };
    await h.ok('community', 'join', { communityId: b, nickname: '小美' }, { openid: 'o_mei', now: NOW });
    const mei = new RootStore(flaky, memoryStorage(), null);
    await mei.session.load();
    expect([mei.session.inNoCommunity, mei.session.communityId, mei.session.error]).toEqual([false, null, expect.any(String)]);
    offline = false;
    await mei.session.load();
    expect([mei.session.inNoCommunity, mei.session.community?.name, mei.session.error]).toEqual([false, '读书会', null]);
  });

  it('tells someone plainly that this deployment lets only invited owners create', async () => {
    const listed = sqliteHarness(h.store, undefined, { creators: ['o_boss'] });
    const someone = new RootStore(gatewayFor(listed, 'o_someone'), memoryStorage(), null);
    expect(await someone.session.create('我的群', 'general', 'create-refused-1')).toBe(false);
    expect([someone.session.error, someone.session.communityId]).toEqual([expect.stringContaining('受邀的群主'), null]);
  });
});

describe('an owner’s first steps', () => {
  it('lists bind the group, stock a reward, share the card — each gone once done, all gone for a member', async () => {
    const storage = memoryStorage();
    const inGroup = async () => issueGroupCloudId('G_first', new Date(NOW));
    const owner = new RootStore(gatewayFor(h, 'o_first_owner'), storage, null, undefined, inGroup);
    expect(await owner.session.create('新群', 'general', 'create-first-1')).toBe(true);
    await owner.mall.load();
    expect(owner.checklist.open).toEqual(['bindGroup', 'stockReward', 'shareCard']);
    expect(await owner.session.bindGroup()).toBe(true);
    expect(owner.checklist.open).toEqual(['stockReward', 'shareCard']);
    const c = owner.session.communityId!;
    await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '入门小样', kind: 'service', pointsPrice: 50, stock: 10 } },
      { openid: 'o_first_owner', now: NOW },
    );
    await owner.mall.load();
    owner.checklist.markShared();
    expect(owner.checklist.open).toEqual([]);
    // Next time (the group counted by the server, the share remembered), still nothing to do.
    const again = new RootStore(gatewayFor(h, 'o_first_owner'), storage, null);
    await again.session.load();
    await again.mall.load();
    expect(again.checklist.open).toEqual([]);
    const member = new RootStore(gatewayFor(h, 'o_reader'), memoryStorage(), c);
    await h.ok('community', 'join', { communityId: c }, { openid: 'o_reader', now: NOW });
    await member.session.load();
    expect(member.checklist.open).toEqual([]);
  });
});
