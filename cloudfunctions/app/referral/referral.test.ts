import { issueGroupCloudId } from '../../platform/local/groupCloudIds';
import { localPlatform } from '../../platform/local/platform';
import type { RiskControl } from '../../platform/ports';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
const DAY1 = '2026-06-01T02:00:00Z';
const DAY2 = '2026-06-02T02:00:00Z';

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  const inviteOf = async (openid: string) =>
    (await h.ok('referral', 'invite', { communityId: c }, { openid, now: DAY1 })).inviteCode as string;
  const join = (openid: string, extra: Record<string, unknown> = {}) =>
    h.ok('community', 'join', { communityId: c, nickname: openid.slice(2), ...extra }, { openid, now: DAY1 });
  const checkIn = (openid: string, now = DAY1) => h.call('checkin', 'checkin', { communityId: c }, { openid, now });
  const balanceOf = async (openid: string) => (await h.ok('points', 'me', { communityId: c }, { openid, now: DAY1 })).balance as number;
  const referralsOf = async (openid: string) =>
    (await h.ok('referral', 'list', { communityId: c }, { openid, now: DAY1 })).referrals as Array<Record<string, any>>;

  describe('referrals', () => {
    it('gives each member one stable invite code and the page a share card opens', async () => {
      const first = await h.ok('referral', 'invite', { communityId: c }, { openid: 'o_alice' });
      expect(first.inviteCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(first.path).toBe(`/pages/join/index?communityId=${c}&inviteCode=${first.inviteCode}`);
      expect(await h.ok('referral', 'invite', { communityId: c }, { openid: 'o_alice' })).toEqual(first);
      expect(await inviteOf('o_bob')).not.toBe(first.inviteCode);
      expect(await h.call('referral', 'invite', { communityId: c }, { openid: 'o_stranger' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('agrees on one code when the first asks race', async () => {
      const codes = await Promise.all(
        Array.from({ length: 6 }, () => h.ok('referral', 'invite', { communityId: c }, { openid: 'o_alice' })),
      );
      expect(new Set(codes.map((r) => r.inviteCode)).size).toBe(1);
      expect((await h.store.find('inviteCodes', { where: {} })).filter((code) => code.openid === 'o_alice').length).toBe(1);
    });

    it('gives a newcomer one inviter even when two invite links are opened at once', async () => {
      const [alices, bobs] = [await inviteOf('o_alice'), await inviteOf('o_bob')];
      const joins = await Promise.all(
        [alices, bobs, alices, bobs].map((inviteCode) =>
          h.call('community', 'join', { communityId: c, inviteCode }, { openid: 'o_new', now: DAY1 }),
        ),
      );
      expect(joins.every((r) => r.ok)).toBe(true);
      expect((await referralsOf('o_alice')).length + (await referralsOf('o_bob')).length).toBe(1);
      await checkIn('o_new');
      expect((await balanceOf('o_alice')) + (await balanceOf('o_bob'))).toBe(100);
    });

    it('refuses bad landing input', async () => {
      for (const inviteCode of ['x'.repeat(33), 42]) {
        expect(await h.call('referral', 'landing', { communityId: c, inviteCode }, { openid: 'o_visitor' })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      expect(
        await h.call('referral', 'landing', { communityId: 'no-such', inviteCode: 'ABCDEFGH' }, { openid: 'o_visitor' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it("pays both sides on the newcomer's first check-in, once", async () => {
      const code = await inviteOf('o_alice');
      await join('o_new', { inviteCode: code.toLowerCase() });
      expect(await referralsOf('o_alice')).toEqual([
        expect.objectContaining({ openid: 'o_new', nickname: 'new', status: 'pending', inviterPoints: 0 }),
      ]);
      expect(await balanceOf('o_alice')).toBe(0);

      expect(await checkIn('o_new')).toMatchObject({ ok: true, data: { awarded: 5, referralBonus: 20, balance: 25 } });
      expect(await balanceOf('o_alice')).toBe(100);
      expect(await referralsOf('o_alice')).toEqual([expect.objectContaining({ status: 'rewarded', inviterPoints: 100 })]);
      expect((await checkIn('o_new', DAY2)).ok && (await balanceOf('o_alice'))).toBe(100);
      expect(await balanceOf('o_new')).toBe(30);
      const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice' });
      expect(notices[0]).toMatchObject({ kind: 'referral_rewarded', points: 100 });
      const { entries } = await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_new' });
      expect(entries.filter((e: any) => e.reason.includes('邀请'))).toHaveLength(1);
    });

    it('pays once when the first check-in races itself', async () => {
      await join('o_new', { inviteCode: await inviteOf('o_alice') });
      const results = await Promise.all(Array.from({ length: 12 }, () => checkIn('o_new')));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await balanceOf('o_new')).toBe(25);
      expect(await balanceOf('o_alice')).toBe(100);
    });

    it("keeps the first inviter; existing members, oneself and one's own inviter earn nothing", async () => {
      const alices = await inviteOf('o_alice');
      const bobs = await inviteOf('o_bob');
      await join('o_new', { inviteCode: alices });
      await join('o_new', { inviteCode: bobs }); // joining twice changes nothing
      await join('o_bob', { inviteCode: alices }); // an existing member
      await join('o_alice', { inviteCode: alices }); // oneself
      const news = await inviteOf('o_new');
      await join('o_alice', { inviteCode: news }); // one's own inviter, already a member
      await checkIn('o_new');
      await checkIn('o_bob');
      await checkIn('o_alice');
      expect((await referralsOf('o_alice')).map((r) => [r.openid, r.status])).toEqual([['o_new', 'rewarded']]);
      expect(await referralsOf('o_bob')).toEqual([]);
      expect(await referralsOf('o_new')).toEqual([]);
      expect(await balanceOf('o_bob')).toBe(5);
      expect(await balanceOf('o_alice')).toBe(105);
    });

    it("holds the inviter's daily cap; newcomers still get theirs", async () => {
      await h.ok('community', 'updateRules', { communityId: c, rules: { referral: { dailyCap: 2 } } }, { openid: 'o_owner' });
      const code = await inviteOf('o_alice');
      for (const newcomer of ['o_n1', 'o_n2', 'o_n3']) {
        await join(newcomer, { inviteCode: code });
        await checkIn(newcomer);
      }
      expect(await balanceOf('o_alice')).toBe(200);
      expect(await balanceOf('o_n3')).toBe(25);
      expect((await referralsOf('o_alice')).map((r) => [r.openid, r.inviterPoints, r.capped])).toEqual([
        ['o_n3', 0, true],
        ['o_n2', 100, false],
        ['o_n1', 100, false],
      ]);
      await join('o_n4', { inviteCode: code });
      await checkIn('o_n4', DAY2);
      expect(await balanceOf('o_alice')).toBe(300);
    });

    it("rejects the reward when the newcomer's risk rank reaches the threshold, and says why", async () => {
      const risky = open(localPlatform({ riskRanks: { o_farm: 3, o_ok: 2 } }));
      const community = await communityWithMembers(risky);
      const { inviteCode } = await risky.ok('referral', 'invite', { communityId: community }, { openid: 'o_alice' });
      for (const openid of ['o_farm', 'o_ok']) {
        await risky.ok('community', 'join', { communityId: community, inviteCode }, { openid, now: DAY1 });
        await risky.ok('checkin', 'checkin', { communityId: community }, { openid, now: DAY1 });
      }
      const { referrals } = await risky.ok('referral', 'list', { communityId: community }, { openid: 'o_alice' });
      expect(referrals.map((r: any) => [r.openid, r.status, r.reason])).toEqual(
        expect.arrayContaining([
          ['o_farm', 'rejected', '账号存在风险，邀请奖励未发放'],
          ['o_ok', 'rewarded', null],
        ]),
      );
      expect((await risky.ok('points', 'me', { communityId: community }, { openid: 'o_alice' })).balance).toBe(100);
      expect((await risky.ok('points', 'me', { communityId: community }, { openid: 'o_farm' })).balance).toBe(5);
    });

    it('applies the default risk threshold to a community created before the rule existed', async () => {
      const risky = open(localPlatform({ riskRanks: { o_farm: 3 } }));
      const community = await communityWithMembers(risky);
      const stored = (await risky.store.get('communities', community))!;
      const { riskThreshold: _dropped, ...olderReferralRule } = stored.rules.referral;
      await risky.store.transaction((tx) =>
        tx.update('communities', community, { rules: { ...stored.rules, referral: olderReferralRule } }),
      );
      expect((await risky.ok('community', 'get', { communityId: community })).community.rules.referral.riskThreshold).toBe(3);
      const { inviteCode } = await risky.ok('referral', 'invite', { communityId: community }, { openid: 'o_alice' });
      await risky.ok('community', 'join', { communityId: community, inviteCode }, { openid: 'o_farm', now: DAY1 });
      await risky.ok('checkin', 'checkin', { communityId: community }, { openid: 'o_farm', now: DAY1 });
      expect((await risky.ok('referral', 'list', { communityId: community }, { openid: 'o_alice' })).referrals[0]).toMatchObject({
        status: 'rejected',
      });
      const updated = await risky.ok(
        'community',
        'updateRules',
        { communityId: community, rules: { referral: { dailyCap: 5 } } },
        { openid: 'o_owner' },
      );
      expect(updated.rules.referral).toEqual({ inviterPoints: 100, inviteePoints: 20, dailyCap: 5, riskThreshold: 3 });
      expect(
        await risky.call(
          'community',
          'updateRules',
          { communityId: community, rules: { referral: { riskThreshold: 0 } } },
          { openid: 'o_owner' },
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    });

    it('leaves the invitation pending when the risk check fails, and settles it at the next check-in', async () => {
      let down = true;
      const flaky: RiskControl = { userRiskRank: async () => (down ? Promise.reject(new Error('timeout')) : 0) };
      const local = open({ ...localPlatform(), risk: flaky });
      const community = await communityWithMembers(local);
      const { inviteCode } = await local.ok('referral', 'invite', { communityId: community }, { openid: 'o_alice' });
      await local.ok('community', 'join', { communityId: community, inviteCode }, { openid: 'o_new', now: DAY1 });
      expect(await local.ok('checkin', 'checkin', { communityId: community }, { openid: 'o_new', now: DAY1 })).not.toHaveProperty(
        'referralBonus',
      );
      down = false;
      expect(await local.ok('checkin', 'checkin', { communityId: community }, { openid: 'o_new', now: DAY2 })).toMatchObject({
        referralBonus: 20,
      });
      expect((await local.ok('points', 'me', { communityId: community }, { openid: 'o_alice' })).balance).toBe(100);
    });

    it('shows an invitee who invited them and what they will get, before joining', async () => {
      const code = await inviteOf('o_alice');
      expect(await h.ok('referral', 'landing', { communityId: c, inviteCode: code }, { openid: 'o_visitor' })).toEqual({
        community: { id: c, name: '宝妈成长营' },
        inviter: { nickname: 'alice' },
        rewards: { inviteePoints: 20, inviterPoints: 100, checkinPoints: 5 },
      });
      expect((await h.ok('referral', 'landing', { communityId: c, inviteCode: 'ZZZZZZZZ' }, { openid: 'o_visitor' })).inviter).toBeNull();
    });

    it('tags newcomers from a bound WeChat group; an unreadable cloudID only leaves the tag empty', async () => {
      // What the platform hands a function for a wx.cloud.CloudID: the cloudID (opened on the server) and what it claims to hold.
      const fromGroup = (opengid: string) => ({ cloudID: issueGroupCloudId(opengid, new Date(DAY1)), data: { opengid } });
      expect(
        await h.call('community', 'bindGroup', { communityId: c, groupCloudId: fromGroup('G1') }, { openid: 'o_alice', now: DAY1 }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(
        await h.call(
          'community',
          'bindGroup',
          { communityId: c, groupCloudId: { cloudID: 'cid', errCode: -601006, errMsg: 'expired' } },
          { openid: 'o_owner' },
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      // A forged group — an object claiming to hold it, with a cloudID that opens to nothing — binds nothing.
      expect(
        await h.call(
          'community',
          'bindGroup',
          { communityId: c, groupCloudId: { cloudID: 'forged', data: { opengid: 'G1' } } },
          { openid: 'o_owner', now: DAY1 },
        ),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(
        await h.ok('community', 'bindGroup', { communityId: c, groupCloudId: fromGroup('G1') }, { openid: 'o_owner', now: DAY1 }),
      ).toEqual({ groups: 1, bound: true });
      await join('o_g1', { groupCloudId: fromGroup('G1') });
      await join('o_g2', { groupCloudId: fromGroup('G-other') });
      await join('o_g3', { groupCloudId: { cloudID: 'cid', errCode: -601006, errMsg: 'cloudID expired' } });
      await join('o_g4', { groupCloudId: { cloudID: fromGroup('G-other').cloudID, data: { opengid: 'G1' } } });
      const tag = async (openid: string) => (await h.store.get('members', `${c}:${openid}`))?.groupId;
      expect([await tag('o_g1'), await tag('o_g2'), await tag('o_g3'), await tag('o_g4')]).toEqual(['G1', null, null, null]);
    });
  });
});
