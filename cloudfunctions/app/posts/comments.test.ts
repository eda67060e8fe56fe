import { STORIES } from '../../core/testing/stories';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #24 item 4: comments on approved posts, points capped and never for one's own post or a copy. */
const NOW = '2026-03-02T02:00:00Z';
const as = (openid: string, now = NOW) => ({ openid, now });
const owner = as('o_owner');

eachStore((open) => {
  let h: Harness;
  let c: string;
  let postId: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'updateRules', { communityId: c, rules: { comment: { points: 2, dailyCap: 2 } } }, owner);
    postId = (await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, as('o_bob'))).post.id;
    await h.ok('posts', 'review', { communityId: c, postId, decision: 'approve' }, owner);
  });
  // Each comment a second after the last, as people write them (a thread is in the order written).
  let second = 0;
  const comment = (body: string, requestId: string, who = 'o_alice', post = postId) =>
    h.call(
      'posts',
      'comment',
      { communityId: c, postId: post, body, requestId },
      as(who, new Date(Date.parse(NOW) + ++second * 1000).toISOString()),
    );
  const balance = async (openid: string) => (await h.ok('points', 'me', { communityId: c }, as(openid))).balance;

  it("pays a comment once within the day's cap, none for a copy or on one's own post; the author is told; the thread lists them oldest first", async () => {
    const before = await balance('o_bob');
    const first = await comment('这个方法太实用了，我家宝宝也试试', 'comment-0001');
    expect(first).toMatchObject({
      ok: true,
      data: { awarded: 2, comment: { nickname: 'alice', body: '这个方法太实用了，我家宝宝也试试' } },
    });
    expect(await comment('这个方法太实用了，我家宝宝也试试', 'comment-0001')).toEqual(first);
    expect(await comment('这个方法太实用了，我家宝宝也试试！', 'comment-0002')).toMatchObject({
      ok: true,
      data: { awarded: 0, noPoints: { reason: expect.stringMatching(/duplicate/) } },
    });
    expect(await comment('请问水果要切多大块比较合适呢', 'comment-0003')).toMatchObject({ ok: true, data: { awarded: 2 } });
    expect(await comment('周末我们也带孩子去公园野餐了', 'comment-0004')).toMatchObject({ ok: true, data: { awarded: 0, capped: true } });
    expect(await comment('谢谢大家的建议，下次再分享', 'comment-0005', 'o_bob')).toMatchObject({ ok: true, data: { awarded: 0 } });
    expect(await balance('o_alice')).toBe(4);
    expect(await balance('o_bob')).toBe(before);
    const { comments, nextCursor } = await h.ok('posts', 'comments', { communityId: c, postId }, as('o_alice'));
    expect(comments.map((x) => [x.nickname, x.body.slice(0, 4)])).toEqual([
      ['alice', '这个方法'],
      ['alice', '这个方法'],
      ['alice', '请问水果'],
      ['alice', '周末我们'],
      ['bob', '谢谢大家'],
    ]);
    expect(nextCursor).toBeNull();
    const { notices } = await h.ok('notices', 'list', { communityId: c }, as('o_bob'));
    expect(notices.filter((n) => n.kind === 'post_commented')).toHaveLength(4);
    const { posts } = await h.ok('posts', 'list', { communityId: c }, as('o_alice'));
    expect(posts.find((p) => p.id === postId)!.comments).toBe(5);
  });

  it('staff removal takes the thread entry and its points back once; racing comments each count once', async () => {
    const made = await Promise.all(['真不错，学到了很多东西', '收藏了，周末就去试一试'].map((body, i) => comment(body, `race-00000${i}`)));
    expect(made.every((m) => m.ok)).toBe(true);
    expect(await balance('o_alice')).toBe(4);
    const id = made[0].ok ? made[0].data.comment.id : '';
    expect(await h.call('posts', 'removeComment', { communityId: c, commentId: id, reason: '广告' }, as('o_alice'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.ok('posts', 'removeComment', { communityId: c, commentId: id, reason: '与帖子无关' }, owner)).toEqual({
      removed: true,
      reversed: 2,
    });
    expect(await h.call('posts', 'removeComment', { communityId: c, commentId: id, reason: '与帖子无关' }, owner)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DONE' },
    });
    expect(await balance('o_alice')).toBe(2);
    expect((await h.ok('posts', 'comments', { communityId: c, postId }, as('o_bob'))).comments).toHaveLength(1);
    const { events } = await h.ok('community', 'audit', { communityId: c }, owner);
    expect(events.filter((e) => e.action === 'posts.removeComment')).toHaveLength(1);
  });

  it('refuses comments on posts not approved, junk, banned members and risky text, changing nothing', async () => {
    const pending = (await h.ok('posts', 'create', { communityId: c, body: STORIES[1] }, as('o_bob'))).post.id;
    expect(await comment('看起来很不错的样子呀', 'junk-000001', 'o_alice', pending)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const [body, code] of [
      ['', 'INVALID_INPUT'],
      ['x'.repeat(201), 'INVALID_INPUT'],
      [42, 'INVALID_INPUT'],
    ] as const) {
      expect(await h.call('posts', 'comment', { communityId: c, postId, body, requestId: 'junk-000002' }, as('o_alice'))).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect(await comment('周末来玩网赌，稳赚不赔', 'junk-000005')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('评论') },
    });
    expect(await comment('加微信领红包', 'junk-000006')).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(
      await h.call('posts', 'comment', { communityId: c, postId: 'nope', body: '你好呀朋友们', requestId: 'junk-000003' }, as('o_alice')),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await h.ok('community', 'ban', { communityId: c, openid: 'o_alice', banned: true, reason: '刷评论' }, owner);
    expect(await comment('看起来很不错的样子呀', 'junk-000004')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await h.ok('posts', 'comments', { communityId: c, postId }, as('o_bob'))).comments).toEqual([]);
  });
});
