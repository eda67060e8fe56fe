import { issueGroupCloudId } from '../../platform/local/groupCloudIds';
import { eachStore, openStore, sqliteHarness, type Harness } from '../../testing/harness';

/** API v3 "Communities an owner sets up": create from a template, who may, 我的社群, the group's community. */
const NOW = '2026-06-01T02:00:00Z';
const at = (openid: string, now = NOW) => ({ openid, now });
const fromGroup = (opengid: string, now = NOW) => ({ cloudID: issueGroupCloudId(opengid, new Date(now)), data: { opengid } });

let h: Harness;

eachStore((open, kind) => {
  beforeEach(() => {
    h = open();
  });

  describe('community.create', () => {
    it('fills the rules from a template, general by default, and a replay answers the same community', async () => {
      const { community } = await h.ok(
        'community',
        'create',
        { name: '美妆体验官', template: 'weishang', requestId: 'create-0001' },
        at('o_owner'),
      );
      expect(community.rules).toMatchObject({
        checkin: { points: 5 },
        post: { minPoints: 50, maxPoints: 100 },
        referral: { inviterPoints: 200 },
      });
      expect(
        await h.ok('community', 'create', { name: '美妆体验官', template: 'weishang', requestId: 'create-0001' }, at('o_owner')),
      ).toEqual({ community });
      expect((await h.ok('community', 'get', { communityId: community.id }, at('o_owner'))).role).toBe('owner');
      const plain = await h.ok('community', 'create', { name: '读书会' }, at('o_owner'));
      expect(plain.community.rules.checkin.points).toBe(5);
      const parenting = await h.ok('community', 'create', { name: '宝妈群', template: 'parenting' }, at('o_owner'));
      expect(parenting.community.rules).toMatchObject({ checkin: { points: 3 }, post: { minPoints: 15, maxPoints: 50 } });
      // The owner edits a template's numbers afterwards like any rules.
      expect(
        await h.ok('community', 'updateRules', { communityId: parenting.community.id, rules: { checkin: { points: 4 } } }, at('o_owner')),
      ).toMatchObject({ rules: { checkin: { points: 4 } } });
      for (const bad of [{ name: '群', template: 'shop' }, { name: '群', template: 3 }, { name: '' }]) {
        expect(await h.call('community', 'create', bad, at('o_owner'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    });

    it('lets only the listed openids create when COMMUNITY_CREATORS is set, and says so plainly', async () => {
      const listed = sqliteHarness(openStore(kind), undefined, { creators: ['o_boss'] });
      expect(await listed.call('community', 'create', { name: '我的群' }, at('o_alice'))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('受邀') },
      });
      expect((await listed.call('community', 'create', { name: '我的群' }, at('o_boss'))).ok).toBe(true);
      expect(await listed.ok('community', 'mine', {}, at('o_alice'))).toEqual({ communities: [] });
    });
  });

  describe('community.mine', () => {
    it('lists every community I belong to with my role, balance and unread notices, the last active first', async () => {
      const a = (await h.ok('community', 'create', { name: '花园宝妈' }, at('o_owner'))).community.id;
      const b = (await h.ok('community', 'create', { name: '读书会' }, at('o_reader'))).community.id;
      await h.ok('community', 'create', { name: '别人的群' }, at('o_other'));
      for (const c of [a, b]) await h.ok('community', 'join', { communityId: c, nickname: '小美' }, at('o_mei'));
      await h.ok('community', 'setRole', { communityId: b, openid: 'o_mei', role: 'moderator' }, at('o_reader'));
      await h.ok(
        'points',
        'adjust',
        { communityId: a, openid: 'o_mei', delta: 30, reason: '欢迎', requestId: 'mine-adjust-1' },
        at('o_owner'),
      );
      await h.ok('checkin', 'checkin', { communityId: b }, at('o_mei', '2026-06-02T02:00:00Z'));
      const { communities } = await h.ok('community', 'mine', {}, at('o_mei', '2026-06-02T03:00:00Z'));
      const unread = async (communityId: string) => (await h.ok('notices', 'list', { communityId }, at('o_mei'))).unread;
      expect(communities).toEqual([
        { id: b, name: '读书会', role: 'moderator', balance: 5, unread: await unread(b) },
        { id: a, name: '花园宝妈', role: 'member', balance: 30, unread: await unread(a) },
      ]);
      expect(communities.reduce((sum, x) => sum + x.unread, 0)).toBeGreaterThan(0);
      // A ban shows as the role they may act in, as community.get says.
      await h.ok('community', 'ban', { communityId: b, openid: 'o_mei', banned: true, reason: '刷屏' }, at('o_reader'));
      expect((await h.ok('community', 'mine', {}, at('o_mei'))).communities.find((x) => x.id === b)?.role).toBe('member');
      expect(await h.ok('community', 'mine', {}, at('o_nobody'))).toEqual({ communities: [] });
    });

    it('keeps one person’s two communities apart: racing check-ins in both, balances and streaks each their own', async () => {
      const a = (await h.ok('community', 'create', { name: 'A' }, at('o_owner'))).community.id;
      const b = (await h.ok('community', 'create', { name: 'B', template: 'interest' }, at('o_owner'))).community.id;
      for (const c of [a, b]) await h.ok('community', 'join', { communityId: c }, at('o_mei'));
      for (const day of ['2026-06-02', '2026-06-03']) {
        const now = `${day}T02:00:00Z`;
        const replies = await Promise.all(
          [a, b, a, b].map((communityId) => h.call('checkin', 'checkin', { communityId }, at('o_mei', now))),
        );
        expect(replies.filter((r) => r.ok)).toHaveLength(2);
      }
      const [inA, inB] = await Promise.all(
        [a, b].map((communityId) => h.ok('points', 'me', { communityId }, at('o_mei', '2026-06-03T03:00:00Z'))),
      );
      expect([inA.balance, inA.streak, inB.balance, inB.streak]).toEqual([10, 2, 4, 2]);
    });
  });

  describe('community.byGroup', () => {
    it('finds the community bound to the group the card was tapped in, from its cloudID only, with my role there', async () => {
      const c = (await h.ok('community', 'create', { name: '花园宝妈' }, at('o_owner'))).community.id;
      expect(await h.ok('community', 'byGroup', { groupCloudId: fromGroup('G_mums') }, at('o_new'))).toEqual({
        community: null,
        role: null,
      });
      await h.ok('community', 'bindGroup', { communityId: c, groupCloudId: fromGroup('G_mums') }, at('o_owner'));
      expect(await h.ok('community', 'byGroup', { groupCloudId: fromGroup('G_mums') }, at('o_new'))).toEqual({
        community: { id: c, name: '花园宝妈' },
        role: null,
      });
      await h.ok('community', 'join', { communityId: c, groupCloudId: fromGroup('G_mums') }, at('o_new'));
      expect(await h.ok('community', 'byGroup', { groupCloudId: fromGroup('G_mums') }, at('o_new'))).toMatchObject({ role: 'member' });
      // A forged group (an object claiming it), an expired cloudID, a plain string: refused, nothing found.
      for (const groupCloudId of [
        { cloudID: 'forged', data: { opengid: 'G_mums' } },
        { cloudID: 'x', errCode: -601006, errMsg: 'expired' },
        fromGroup('G_mums', '2026-05-01T00:00:00Z'),
      ]) {
        expect(await h.call('community', 'byGroup', { groupCloudId }, at('o_new'))).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      for (const groupCloudId of ['G_mums', { opengid: 'G_mums' }, null]) {
        expect(await h.call('community', 'byGroup', { groupCloudId }, at('o_new'))).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
    });

    it('binds a group to one community at most: elsewhere is CONFLICT, even racing', async () => {
      const [a, b] = await Promise.all(
        ['A', 'B'].map(async (name) => (await h.ok('community', 'create', { name }, at(`o_${name}`))).community.id),
      );
      const binds = await Promise.all([
        h.call('community', 'bindGroup', { communityId: a, groupCloudId: fromGroup('G1') }, at('o_A')),
        h.call('community', 'bindGroup', { communityId: b, groupCloudId: fromGroup('G1') }, at('o_B')),
      ]);
      expect(binds.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
      const winner = binds[0].ok ? a : b;
      expect((await h.ok('community', 'byGroup', { groupCloudId: fromGroup('G1') }, at('o_x'))).community?.id).toBe(winner);
      // Binding it again where it is bound changes nothing.
      expect(
        await h.ok('community', 'bindGroup', { communityId: winner, groupCloudId: fromGroup('G1') }, at(winner === a ? 'o_A' : 'o_B')),
      ).toEqual({ groups: 1, bound: true });
    });
  });
});
