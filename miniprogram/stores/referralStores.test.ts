import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { swapCloudIds } from '../../cloudfunctions/local/cloudIds';
import { issueGroupCloudId } from '../../cloudfunctions/platform/local/groupCloudIds';
import { unwrap, type Gateway } from '../gateway/gateway';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T02:00:00Z';
/** Into the dispatchers, with the CloudID swap the platform makes on the way. */
const gatewayFor = (h: Harness, openid: string): Gateway => ({
  call: async (fn, action, params) =>
    unwrap(await h.call(fn, action, swapCloudIds(params, new Date(NOW)) as Record<string, unknown>, { openid, now: NOW })) as never,
});

let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
});

describe('referral stores', () => {
  it('the owner binds the group; a friend opens the invite from it, joins, checks in; the inviter sees the reward', async () => {
    const inGroup = async () => issueGroupCloudId('G_mums', new Date(NOW));
    const owner = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c, undefined, inGroup);
    await owner.session.load();
    expect(await owner.session.bindGroup()).toBe(true);
    const outside = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
    await outside.session.load();
    expect(await outside.session.bindGroup()).toBe(false);
    expect(outside.session.error).toContain('微信群里点开');

    const alice = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await alice.referral.load();
    expect(alice.referral.inviteCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(alice.referral.codeImage).toBeNull();

    const friend = new RootStore(gatewayFor(h, 'o_friend'), memoryStorage(), null, undefined, inGroup);
    friend.session.useCommunity(c, alice.referral.inviteCode!);
    await friend.referral.loadLanding(friend.session.inviteCode);
    expect(friend.referral.landing).toMatchObject({ inviter: { nickname: 'alice' }, rewards: { inviteePoints: 20 } });
    expect(await friend.session.join('小新')).toBe(true);
    await friend.points.load();
    expect(await friend.points.checkIn()).toMatchObject({ awarded: 5, referralBonus: 20, balance: 25 });

    await alice.referral.load();
    expect(alice.referral.referrals).toEqual([expect.objectContaining({ nickname: '小新', status: 'rewarded', inviterPoints: 100 })]);
    expect(alice.referral.summary).toEqual({ pending: 0, rewarded: 1, pointsEarned: 100 });
    const { members } = await h.ok('community', 'members', { communityId: c }, { openid: 'o_owner' });
    expect(members.find((m: any) => m.openid === 'o_friend')).toMatchObject({ groupId: 'G_mums', invitedBy: 'o_alice' });
  });
});
