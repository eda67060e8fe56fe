import { startRuntime, type Runtime } from '../support/runtime';

let rt: Runtime;
let c: string;
const NOW = '2026-06-01T02:00:00Z';

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '群推荐测试' }, 'r_owner')).community.id;
  await rt.ok('community', { action: 'join', communityId: c, nickname: '群主' }, 'r_owner');
});
afterAll(async () => {
  await rt?.stop();
});

/** What the app does in a group: wx.getGroupEnterInfo, then the cloudID goes to the function as a wx.cloud.CloudID. */
const groupEnter = async (opengid: string, now = NOW) => ({
  $cloudID: (await (await fetch(`${rt.url}/dev/group-enter?opengid=${opengid}`, { headers: { 'X-Dev-Now': now } })).json()).data
    .cloudID as string,
});
const as = (openid: string) => ({ 'X-Dev-Openid': openid, 'X-Dev-Now': NOW });

describe('group referrals on the local runtime (emulated CloudID)', () => {
  it("binds the owner's group, tags newcomers who join from it, and pays the invite on the first check-in", async () => {
    expect(
      (await rt.call('community', { action: 'bindGroup', communityId: c, groupCloudId: await groupEnter('G_parents') }, as('r_owner')))
        .body,
    ).toMatchObject({ ok: true });
    const { inviteCode } = await rt.ok('referral', { action: 'invite', communityId: c }, 'r_owner');
    await rt.call(
      'community',
      { action: 'join', communityId: c, nickname: '新人', inviteCode, groupCloudId: await groupEnter('G_parents') },
      as('r_new'),
    );
    await rt.call('community', { action: 'join', communityId: c, groupCloudId: await groupEnter('G_elsewhere') }, as('r_other'));
    // A card opened long ago: the cloudID has expired; joining still works, untagged.
    await rt.call(
      'community',
      { action: 'join', communityId: c, groupCloudId: await groupEnter('G_parents', '2026-05-01T00:00:00Z') },
      as('r_late'),
    );
    const { members } = await rt.ok('community', { action: 'members', communityId: c }, 'r_owner');
    const byId = Object.fromEntries(members.map((m: any) => [m.openid, m]));
    expect([byId.r_new.groupId, byId.r_other.groupId, byId.r_late.groupId]).toEqual(['G_parents', null, null]);
    expect(byId.r_new.invitedBy).toBe('r_owner');

    expect((await rt.call('checkin', { action: 'checkin', communityId: c }, as('r_new'))).body).toMatchObject({
      ok: true,
      data: { referralBonus: 20, balance: 25 },
    });
    const { referrals } = await rt.ok('referral', { action: 'list', communityId: c }, 'r_owner');
    expect(referrals).toEqual([expect.objectContaining({ openid: 'r_new', status: 'rewarded', inviterPoints: 100 })]);
  });

  it('refuses to bind a group from an expired or forged cloudID', async () => {
    const expired = await groupEnter('G_x', '2026-05-01T00:00:00Z');
    for (const groupCloudId of [expired, { $cloudID: 'forged' }]) {
      expect((await rt.call('community', { action: 'bindGroup', communityId: c, groupCloudId }, as('r_owner'))).body).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it("takes a member who taps the group card to the group's community (community.byGroup), and lists mine; junk changes nothing", async () => {
    const owner = (openid: string) => ({ 'X-Dev-Openid': openid, 'X-Dev-Now': NOW });
    const mums = (await rt.ok('community', { action: 'create', name: '宝妈群', template: 'parenting' }, 'r_mum_owner')).community;
    expect(mums.rules.checkin.points).toBe(3);
    expect(
      (
        await rt.call(
          'community',
          { action: 'bindGroup', communityId: mums.id, groupCloudId: await groupEnter('G_mums') },
          owner('r_mum_owner'),
        )
      ).body,
    ).toMatchObject({ ok: true });
    // Another community cannot take the group.
    expect(
      (await rt.call('community', { action: 'bindGroup', communityId: c, groupCloudId: await groupEnter('G_mums') }, as('r_owner'))).body,
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const found = (await rt.call('community', { action: 'byGroup', groupCloudId: await groupEnter('G_mums') }, as('r_tapper'))).body;
    expect(found).toEqual({ ok: true, data: { community: { id: mums.id, name: '宝妈群' }, role: null } });
    await rt.ok('community', { action: 'join', communityId: mums.id, groupCloudId: await groupEnter('G_mums') }, 'r_tapper');
    await rt.ok('community', { action: 'join', communityId: c }, 'r_tapper');
    const mine = (await rt.ok('community', { action: 'mine' }, 'r_tapper')).communities.map((x: any) => [x.name, x.role]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['宝妈群', 'member'],
        ['群推荐测试', 'member'],
      ]),
    );
    // A forged group, a plain string or an opengid for a CloudID, a made-up marker: refused; nothing bound or found.
    const junk = [
      { cloudID: 'forged', data: { opengid: 'G_mums' } },
      'G_mums',
      { opengid: 'G_mums' },
      { $cloudID: 'made-up' },
      { $cloudID: 42 },
      null,
      [],
    ];
    for (const groupCloudId of junk) {
      expect((await rt.call('community', { action: 'byGroup', groupCloudId }, as('r_tapper'))).body).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect((await rt.call('community', { action: 'bindGroup', communityId: c, groupCloudId }, as('r_owner'))).body).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    // Someone else's community is not the owner's to bind; mine takes no parameters it would trust.
    expect(
      (await rt.call('community', { action: 'bindGroup', communityId: mums.id, groupCloudId: await groupEnter('G_other') }, as('r_owner')))
        .body,
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (await rt.ok('community', { action: 'mine', openid: 'r_mum_owner' }, 'r_tapper')).communities.map((x: any) => x.name).sort(),
    ).toEqual(['宝妈群', '群推荐测试']);
    for (const template of ['shop', 7, null]) {
      expect((await rt.call('community', { action: 'create', name: '群', template }, as('r_x'))).body).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});
