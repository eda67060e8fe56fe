import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import { emptyRewardForm, rewardOf, rewardProblems } from './MallAdminStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

/** #24 item 5 in the app's stores: the owner stocks a title and a frame; a member buys, wears, swaps and takes them off. */
const now = '2026-06-10T02:00:00Z';
let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h, '2026-05-01T02:00:00Z');
  await h.ok(
    'points',
    'adjust',
    { communityId: c, openid: 'o_alice', delta: 300, reason: '起始', requestId: 'worn-store-seed' },
    { openid: 'o_owner', now },
  );
});
const rootFor = async (openid: string) => {
  const root = new RootStore(
    sharedGateway(h, openid, () => now),
    memoryStorage(),
    c,
  );
  await root.session.load();
  return root;
};

describe('rewards that are worn, in the stores', () => {
  it('the owner’s editor says what a title or frame needs before sending, and sends what the server keeps', async () => {
    const tz = 'Asia/Shanghai';
    const form = { ...emptyRewardForm('2026-06-10'), name: '称号·元老', pointsPrice: '50', stock: '10', kind: 'title' as const };
    expect(rewardProblems(form, tz).look).toBe('请填写称号文字');
    expect(rewardProblems({ ...form, look: '社群最强读书达人' }, tz).look).toContain('最多 6 个字');
    expect(rewardProblems({ ...form, look: '元老', wearDays: '0' }, tz).wearDays).toContain('永久就留空');
    expect(rewardProblems({ ...form, kind: 'frame', look: 'neon' }, tz).look).toContain('头像框样式只能是');
    expect(rewardProblems({ ...form, look: '元老', wearDays: '30' }, tz)).toEqual({});
    const owner = await rootFor('o_owner');
    expect(await owner.mallAdmin.saveItem(rewardOf({ ...form, look: '元老', wearDays: '' }, tz))).toBe(true);
    expect(await owner.mallAdmin.saveItem(rewardOf({ ...form, name: '翡翠框', kind: 'frame', look: 'jade', wearDays: '7' }, tz))).toBe(
      true,
    );
    expect(owner.mallAdmin.items.map((i) => [i.kind, i.wear]).sort()).toEqual([
      ['frame', { look: 'jade', days: 7 }],
      ['title', { look: '元老', days: null }],
    ]);
  });

  it('a member buys a title and a frame, wears them at once, swaps and takes one off from 我的', async () => {
    const give = async (item: Record<string, unknown>) =>
      (await h.ok('mall', 'upsertItem', { communityId: c, item: { pointsPrice: 50, stock: 10, ...item } }, { openid: 'o_owner', now })).item
        .id as string;
    const elder = await give({ name: '元老', kind: 'title', wear: { look: '元老' } });
    const reader = await give({ name: '读书达人', kind: 'title', wear: { look: '读书达人', days: 30 } });
    const jade = await give({ name: '翡翠框', kind: 'frame', wear: { look: 'jade' } });
    const alice = await rootFor('o_alice');
    await alice.mall.load();
    for (const id of [elder, reader, jade]) expect((await alice.mall.redeem(id))?.order.status).toBe('fulfilled');
    await alice.mine.load();
    expect(alice.mine.me?.worn).toEqual({ title: '读书达人', frame: 'jade' });
    expect(alice.mine.wardrobeOf('title').map((w) => [w.look, w.worn])).toEqual([
      ['元老', false],
      ['读书达人', true],
    ]);

    expect(await alice.mine.wear('title', elder)).toBe(true);
    expect(alice.mine.notice).toBe('已佩戴新的称号');
    expect(alice.mine.me?.worn).toEqual({ title: '元老', frame: 'jade' });
    expect(await alice.mine.wear('frame', null)).toBe(true);
    expect(alice.mine.notice).toBe('已取下头像框');
    expect(alice.mine.me?.worn).toEqual({ title: '元老', frame: null });
    // Others see it beside her name.
    const bob = await rootFor('o_bob');
    await bob.profile.open('o_alice');
    expect(bob.profile.worn).toEqual({ title: '元老', frame: null });
  });
});
