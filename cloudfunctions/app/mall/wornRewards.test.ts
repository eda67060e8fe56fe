import { STORIES } from '../../core/testing/stories';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #24 item 5: rewards that are worn — titles and frames, worn the moment they are redeemed, beside the name everywhere, until they run out. */
const NOW = '2026-03-02T02:00:00Z';
const at = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();
const as = (openid: string, now = NOW) => ({ openid, now });
const owner = as('o_owner');
const NOTHING = { title: null, frame: null };

eachStore((open) => {
  let h: Harness;
  let c: string;
  let reader: string;
  let jade: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('points', 'adjust', { communityId: c, openid: 'o_alice', delta: 500, reason: '起始', requestId: 'worn-seed' }, owner);
    reader = (
      await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '称号·读书达人', kind: 'title', wear: { look: '读书达人', days: 7 }, pointsPrice: 50, stock: 10 } },
        owner,
      )
    ).item.id;
    jade = (
      await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '翡翠头像框', kind: 'frame', wear: { look: 'jade' }, pointsPrice: 80, stock: 10 } },
        owner,
      )
    ).item.id;
  });
  const redeem = (itemId: string, requestId: string, now = NOW) =>
    h.call('mall', 'redeem', { communityId: c, itemId, requestId }, as('o_alice', now));
  const me = async (now = NOW) => h.ok('points', 'me', { communityId: c }, as('o_alice', now));

  it('worn the moment it is redeemed: the order is done, the title and frame show in the feed, Q&A, comments, leaderboard and 我的', async () => {
    const bought = await redeem(reader, 'worn-req-1');
    expect(bought).toMatchObject({ ok: true, data: { order: { status: 'fulfilled', needsShipping: false } } });
    await h.ok('mall', 'redeem', { communityId: c, itemId: jade, requestId: 'worn-req-2' }, as('o_alice'));
    const worn = { title: '读书达人', frame: 'jade' };
    expect(await me()).toMatchObject({
      balance: 370,
      worn,
      wardrobe: [
        { itemId: reader, kind: 'title', look: '读书达人', until: at(7), worn: true },
        { itemId: jade, kind: 'frame', look: 'jade', until: null, worn: true },
      ],
    });
    expect(
      (await h.ok('mall', 'orders', { communityId: c }, as('o_alice'))).orders.every(
        (o: { pickupCode: string | null }) => o.pickupCode === null,
      ),
    ).toBe(true);

    const postId = (await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, as('o_alice'))).post.id;
    await h.ok('posts', 'review', { communityId: c, postId, decision: 'approve' }, owner);
    await h.ok('posts', 'comment', { communityId: c, postId, body: '写得真好，收藏了', requestId: 'worn-comment-1' }, as('o_alice'));
    await h.ok('posts', 'comment', { communityId: c, postId, body: '谢谢分享', requestId: 'worn-comment-2' }, as('o_bob'));
    const { questionId } = {
      questionId: (await h.ok('qa', 'ask', { communityId: c, title: '宝宝几个月可以加辅食？', body: '六个月了，想问问大家' }, as('o_bob')))
        .question.id,
    };
    await h.ok('qa', 'answer', { communityId: c, questionId, body: '六个月左右就可以从米粉开始慢慢加' }, as('o_alice'));

    const { posts } = await h.ok('posts', 'list', { communityId: c }, as('o_bob'));
    expect(posts[0].author).toEqual({ openid: 'o_alice', nickname: 'alice', worn });
    const { comments } = await h.ok('posts', 'comments', { communityId: c, postId }, as('o_bob'));
    expect(comments.map((x) => [x.nickname, x.worn]).sort()).toEqual([
      ['alice', worn],
      ['bob', NOTHING],
    ]);
    const { question, answers } = await h.ok('qa', 'get', { communityId: c, questionId }, as('o_bob'));
    expect([question.author.worn, answers[0].author.worn]).toEqual([NOTHING, worn]);
    const { rows } = await h.ok('points', 'leaderboard', { communityId: c, period: 'all' }, as('o_bob'));
    expect(rows.find((r) => r.openid === 'o_alice')!.worn).toEqual(worn);

    // Seven days on the title has run out everywhere at once; the frame is for good.
    const later = at(7);
    expect((await me(later)).worn).toEqual({ title: null, frame: 'jade' });
    expect((await me(later)).wardrobe).toHaveLength(1);
    expect((await h.ok('posts', 'list', { communityId: c }, as('o_bob', later))).posts[0].author.worn).toEqual({
      title: null,
      frame: 'jade',
    });
  });

  it('the member chooses what to wear among what they own; buying again extends; one for good is not bought twice; junk is refused', async () => {
    const elder = (
      await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '元老', kind: 'title', wear: { look: '元老', days: null }, pointsPrice: 20, stock: 10 } },
        owner,
      )
    ).item.id;
    await h.ok('mall', 'redeem', { communityId: c, itemId: reader, requestId: 'worn-req-3' }, as('o_alice'));
    await h.ok('mall', 'redeem', { communityId: c, itemId: elder, requestId: 'worn-req-4' }, as('o_alice'));
    expect((await me()).worn.title).toBe('元老');
    const chose = await h.ok('community', 'updateProfile', { communityId: c, wear: { title: reader } }, as('o_alice'));
    expect(chose.worn).toEqual({ title: '读书达人', frame: null });
    expect((await h.ok('community', 'updateProfile', { communityId: c, wear: { title: null } }, as('o_alice'))).worn.title).toBeNull();
    // Not owned, another kind's, or junk: refused, nothing changes.
    for (const wear of [{ title: jade }, { frame: reader }])
      expect(await h.call('community', 'updateProfile', { communityId: c, wear }, as('o_alice'))).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    for (const wear of [{ title: 'a b' }, { hat: reader }, 'reader', { title: 42 }])
      expect(await h.call('community', 'updateProfile', { communityId: c, wear }, as('o_alice'))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    expect((await me()).worn.title).toBeNull();

    // Bought again on day 3: worn till day 14.
    await h.ok('mall', 'redeem', { communityId: c, itemId: reader, requestId: 'worn-req-5' }, as('o_alice', at(3)));
    expect((await me(at(3))).wardrobe.find((w) => w.itemId === reader)!.until).toBe(at(14));
    expect(await redeem(elder, 'worn-req-6')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE', message: '你已经拥有这个称号了' },
    });
    // A replayed redemption is the first one, not a second week.
    await h.ok('mall', 'redeem', { communityId: c, itemId: reader, requestId: 'worn-req-5' }, as('o_alice', at(3)));
    expect((await me(at(3))).wardrobe.find((w) => w.itemId === reader)!.until).toBe(at(14));
    expect(
      await h.call('mall', 'redeem', { communityId: c, itemId: reader, quantity: 2, requestId: 'worn-req-7' }, as('o_alice')),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('the owner stocks titles and frames only with what can be worn', async () => {
    const bad = [
      { kind: 'title', wear: { look: '社群最强读书达人' } },
      { kind: 'title' },
      { kind: 'frame', wear: { look: 'neon' } },
      { kind: 'physical', wear: { look: '元老' } },
      { kind: 'title', wear: { look: '元老', days: 0 } },
      { kind: 'title', wear: { look: '元老' }, cashPrice: 100 },
    ];
    for (const item of bad)
      expect(
        await h.call('mall', 'upsertItem', { communityId: c, item: { name: '试试', pointsPrice: 10, stock: 1, ...item } }, owner),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await h.ok('mall', 'items', { communityId: c }, as('o_alice'))).items.map((i: { wear: unknown }) => i.wear)).toEqual([
      { look: '读书达人', days: 7 },
      { look: 'jade', days: null },
    ]);
  });
});
