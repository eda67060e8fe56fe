import { localPlatform } from '../../platform/local/platform';
import type { ContentSecurity } from '../../platform/ports';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';
import { STORIES } from '../../core/testing/stories';

let h: Harness;
let c: string;
const NOW = '2026-06-01T04:00:00Z';
const NEXT_DAY = '2026-06-02T04:00:00Z';
const IMAGE = '/uploads/0123456789abcdef0123456789abcdef.jpg';

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  const post = (openid: string, body: string, extra: Record<string, unknown> = {}) =>
    h.call('posts', 'create', { communityId: c, body, ...extra }, { openid, now: NOW });
  const write = async (openid: string, body: string, extra: Record<string, unknown> = {}) =>
    (await h.ok('posts', 'create', { communityId: c, body, ...extra }, { openid, now: NOW })).post;
  const review = (
    postId: string,
    decision: 'approve' | 'reject',
    extra: Record<string, unknown> = {},
    as = { openid: 'o_owner', now: NOW },
  ) => h.call('posts', 'review', { communityId: c, postId, decision, ...extra }, as);
  const me = (openid: string) => h.ok('points', 'me', { communityId: c }, { openid, now: NOW });
  const ledgerOf = async (openid: string) =>
    (await h.ok('points', 'ledger', { communityId: c, limit: 100 }, { openid })).entries as Array<Record<string, any>>;
  const list = (status: string, openid = 'o_owner') =>
    h.ok('posts', 'list', { communityId: c, status }, { openid, now: NOW }).then((r) => r.posts as Array<Record<string, any>>);
  const noticesOf = (openid: string) => h.ok('notices', 'list', { communityId: c }, { openid, now: NOW });
  const makeModerator = (openid: string) =>
    h.ok('community', 'setRole', { communityId: c, openid, role: 'moderator' }, { openid: 'o_owner', now: NOW });

  describe('experience posts', () => {
    it('start pending: in my posts and the review queue, not in the feed', async () => {
      const created = await write('o_alice', STORIES[0]);
      expect(created).toMatchObject({ status: 'pending', author: { openid: 'o_alice', nickname: 'alice' }, noPoints: null, flag: null });
      expect((await list('mine', 'o_alice')).map((p) => p.id)).toEqual([created.id]);
      expect((await list('pending')).map((p) => p.id)).toEqual([created.id]);
      expect(await list('approved', 'o_bob')).toEqual([]);
      expect(await h.call('posts', 'list', { communityId: c, status: 'pending' }, { openid: 'o_bob' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('approval credits the author with the chosen points, or the minimum; the author gets a notice', async () => {
      const first = await write('o_alice', STORIES[0]);
      const second = await write('o_alice', STORIES[1]);
      expect(await review(first.id, 'approve', { points: 120 })).toMatchObject({
        ok: true,
        data: { awarded: 120, post: { status: 'approved', points: 120 } },
      });
      expect(await review(second.id, 'approve', {}, { openid: 'o_owner', now: '2026-06-01T04:01:00Z' })).toMatchObject({
        ok: true,
        data: { awarded: 50 },
      });
      expect(await me('o_alice')).toMatchObject({ balance: 170, earnedTotal: 170 });
      expect((await ledgerOf('o_alice')).map((e) => [e.kind, e.delta, e.refId])).toEqual(
        expect.arrayContaining([
          ['earn', 50, second.id],
          ['earn', 120, first.id],
        ]),
      );
      expect((await list('approved', 'o_bob')).map((p) => p.id)).toEqual([second.id, first.id]);
      const { notices, unread } = await noticesOf('o_alice');
      // Two approvals, and the first-post badge the first one earned.
      expect(unread).toBe(3);
      const approvals = notices.filter((n) => n.kind === 'post_approved');
      expect(approvals[1]).toMatchObject({
        kind: 'post_approved',
        refId: first.id,
        points: 120,
        title: '你的帖子通过审核，获得 120 积分',
        read: false,
      });
      expect(notices.filter((n) => n.kind === 'achievement').map((n) => n.title)).toEqual(['获得徽章「初次分享」']);
      expect(await h.ok('notices', 'read', { communityId: c }, { openid: 'o_alice' })).toEqual({ read: 3 });
      expect((await noticesOf('o_alice')).unread).toBe(0);
    });

    it('refuses points outside the range and changes nothing', async () => {
      const created = await write('o_alice', STORIES[0]);
      for (const points of [49, 201, 80.5, '100']) {
        expect(await review(created.id, 'approve', { points })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      expect((await list('pending')).map((p) => p.id)).toEqual([created.id]);
      expect((await me('o_alice')).balance).toBe(0);
    });

    it('credits once however many moderators approve at the same moment', async () => {
      await makeModerator('o_bob');
      const created = await write('o_alice', STORIES[0]);
      const reviewers = Array.from({ length: 12 }, (_, i) => (i % 2 ? 'o_bob' : 'o_owner'));
      const results = await Promise.all(
        reviewers.map((openid, i) => review(created.id, 'approve', { points: 60 + i }, { openid, now: NOW })),
      );
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(11).fill('ALREADY_DONE'));
      const awarded = won[0].ok && won[0].data.awarded;
      expect((await me('o_alice')).balance).toBe(awarded);
      expect((await ledgerOf('o_alice')).filter((e) => e.refId === created.id)).toHaveLength(1);
      expect((await noticesOf('o_alice')).notices.map((n) => n.kind).sort()).toEqual(['achievement', 'post_approved']);
    });

    it('caps credited approvals per author per community day; over the cap the post is still approved', async () => {
      const posts: Array<Record<string, any>> = [];
      for (const story of STORIES.slice(0, 4)) posts.push(await write('o_alice', story));
      const replies: Array<Record<string, any>> = [];
      for (const p of posts)
        replies.push(
          await h.ok(
            'posts',
            'review',
            { communityId: c, postId: p.id, decision: 'approve', points: 100 },
            { openid: 'o_owner', now: NOW },
          ),
        );
      expect(replies.map((r) => [r.awarded, r.capped ?? false, r.post.status])).toEqual([
        [100, false, 'approved'],
        [100, false, 'approved'],
        [100, false, 'approved'],
        [0, true, 'approved'],
      ]);
      const nextDay = await write('o_alice', STORIES[4]);
      expect(await review(nextDay.id, 'approve', { points: 100 }, { openid: 'o_owner', now: NEXT_DAY })).toMatchObject({
        ok: true,
        data: { awarded: 100 },
      });
      expect((await me('o_alice')).balance).toBe(400);
      expect((await noticesOf('o_alice')).notices.find((n: any) => n.refId === posts[3].id)).toMatchObject({
        points: 0,
        body: expect.stringContaining('上限'),
      });
    });

    it('rejects with a reason the author reads; a second look can still approve it', async () => {
      const created = await write('o_alice', STORIES[0]);
      expect(await review(created.id, 'reject')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await review(created.id, 'reject', { reason: '请补充使用前后的对比照片' })).toMatchObject({
        ok: true,
        data: { awarded: 0, post: { status: 'rejected' } },
      });
      expect((await list('mine', 'o_alice'))[0]).toMatchObject({ status: 'rejected', reason: '请补充使用前后的对比照片' });
      expect((await noticesOf('o_alice')).notices[0]).toMatchObject({ kind: 'post_rejected', body: '请补充使用前后的对比照片' });
      expect(await review(created.id, 'reject', { reason: '再驳回一次' })).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
      expect(await review(created.id, 'approve', { points: 80 })).toMatchObject({ ok: true, data: { awarded: 80 } });
    });

    it('is reviewed by staff only, never by its own author', async () => {
      const created = await write('o_alice', STORIES[0]);
      expect(await review(created.id, 'approve', {}, { openid: 'o_bob', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await review(created.id, 'approve', {}, { openid: 'o_stranger', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await post('o_stranger', STORIES[1])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const own = await write('o_owner', STORIES[2]);
      expect(await review(own.id, 'approve')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await makeModerator('o_bob');
      const bobs = await write('o_bob', STORIES[3]);
      expect(await review(bobs.id, 'approve', {}, { openid: 'o_bob', now: NOW })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect((await me('o_alice')).balance + (await me('o_bob')).balance + (await me('o_owner')).balance).toBe(0);
    });

    it('refuses risky text, holds doubtful text with its flag for moderators only', async () => {
      expect(await post('o_alice', '周末来玩网赌，稳赚不赔，带你一起发财')).toMatchObject({
        ok: false,
        error: { code: 'CONTENT_REJECTED' },
      });
      expect(await list('mine', 'o_alice')).toEqual([]);
      const held = await write('o_alice', `${STORIES[0]}想要同款的加 微·信 私聊`);
      expect(held.flag).toEqual({ source: 'text', label: '广告' });
      expect((await list('pending'))[0]).toMatchObject({ id: held.id, flag: { label: '广告' } });
      await review(held.id, 'approve');
      expect((await list('approved', 'o_bob'))[0]).toMatchObject({ id: held.id, flag: null });
      expect((await list('approved', 'o_owner'))[0]).toMatchObject({ flag: { label: '广告' } });
    });

    it('holds the text for a person when the check itself fails', async () => {
      const failing: ContentSecurity = { ...localPlatform().content, checkText: () => Promise.reject(new Error('network down')) };
      const local = open({ ...localPlatform(), content: failing });
      const community = await communityWithMembers(local);
      const created = await local.ok('posts', 'create', { communityId: community, body: STORIES[0] });
      expect(created.post).toMatchObject({ status: 'pending', flag: { source: 'text', label: '待人工复核' } });
    });

    it("checks membership before asking the platform to check an outsider's text", async () => {
      const checked: string[] = [];
      const counting: ContentSecurity = {
        ...localPlatform().content,
        checkText: async ({ openid }) => (checked.push(openid), { suggest: 'pass', label: null }),
      };
      const local = open({ ...localPlatform(), content: counting });
      const community = await communityWithMembers(local);
      checked.length = 0;
      expect(await local.call('posts', 'create', { communityId: community, body: STORIES[0] }, { openid: 'o_stranger' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(
        await local.call('qa', 'ask', { communityId: community, title: '问题', body: '内容' }, { openid: 'o_stranger' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(checked).toEqual([]);
    });

    it('pays nothing for copies, near-copies or filler, and says why at once', async () => {
      const original = await write('o_alice', STORIES[0]);
      const copy = await write('o_alice', STORIES[0].replace(/，/g, ' '));
      const near = await write('o_alice', `${STORIES[0]}真的好用！`);
      const filler = await write('o_alice', '打卡打卡打卡👍👍👍 好用好用');
      expect(copy.noPoints).toMatchObject({ reason: 'duplicate' });
      expect(near.noPoints).toMatchObject({ reason: 'near_duplicate' });
      expect(filler.noPoints).toMatchObject({ reason: 'too_short' });
      expect((await write('o_bob', STORIES[0])).noPoints).toBeNull(); // another member's copy is judged by a person, not this rule
      await review(original.id, 'approve');
      for (const p of [copy, near, filler]) {
        expect(await review(p.id, 'approve', { points: 200 })).toMatchObject({
          ok: true,
          data: { awarded: 0, noPoints: { reason: p.noPoints!.reason } },
        });
      }
      expect((await me('o_alice')).balance).toBe(50);
    });

    it('revoking an approval reverses the points and the lifetime earnings, once', async () => {
      const created = await write('o_alice', STORIES[0]);
      await review(created.id, 'approve', { points: 150 });
      const revoke = () =>
        h.call('posts', 'revoke', { communityId: c, postId: created.id, reason: '发现是搬运的内容' }, { openid: 'o_owner', now: NOW });
      expect(await revoke()).toMatchObject({ ok: true, data: { reversed: 150, post: { status: 'removed', reason: '发现是搬运的内容' } } });
      expect(await me('o_alice')).toMatchObject({ balance: 0, earnedTotal: 0 });
      expect((await ledgerOf('o_alice')).map((e) => [e.kind, e.delta])).toEqual([
        ['reverse', -150],
        ['earn', 150],
      ]);
      expect(await revoke()).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
      expect(await review(created.id, 'approve')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await list('approved', 'o_bob')).toEqual([]);
      expect((await noticesOf('o_alice')).notices[0]).toMatchObject({ kind: 'post_removed', points: -150 });
      expect(await h.call('posts', 'revoke', { communityId: c, postId: created.id, reason: '理由' }, { openid: 'o_alice' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('a revoke takes back only what is left when the points were already spent', async () => {
      const created = await write('o_alice', STORIES[0]);
      await review(created.id, 'approve', { points: 100 });
      const { item } = await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '优惠券', pointsPrice: 70, stock: 5, kind: 'service' } },
        { openid: 'o_owner', now: NOW },
      );
      await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'spend-it-01' }, { openid: 'o_alice', now: NOW });
      expect(
        await h.ok('posts', 'revoke', { communityId: c, postId: created.id, reason: '违规' }, { openid: 'o_owner', now: NOW }),
      ).toMatchObject({ reversed: 30 });
      expect(await me('o_alice')).toMatchObject({ balance: 0, earnedTotal: 70 });
    });

    it('a late risky image verdict takes the post down and reverses its points, once', async () => {
      const created = await write('o_alice', STORIES[0], { images: [IMAGE] });
      await review(created.id, 'approve', { points: 90 });
      const [check] = (await h.store.find('mediaChecks', { where: {} })).filter((c) => c.postId === created.id);
      expect(check).toMatchObject({ fileId: IMAGE, suggest: null });
      const verdict = { action: 'mediaVerdict', traceId: check._id, suggest: 'risky', label: '色情' };
      expect(await h.call('posts', 'mediaVerdict', verdict, { openid: null })).toMatchObject({
        ok: true,
        data: { postId: created.id, applied: true },
      });
      expect(await h.call('posts', 'mediaVerdict', verdict, { openid: null })).toMatchObject({ ok: true, data: { applied: false } });
      expect((await list('mine', 'o_alice'))[0]).toMatchObject({
        status: 'removed',
        flag: { source: 'image', label: '色情' },
        reason: '图片未通过安全检测',
      });
      expect(await me('o_alice')).toMatchObject({ balance: 0, earnedTotal: 0 });
      expect(await h.call('posts', 'mediaVerdict', { traceId: 'made-up-trace', suggest: 'risky' }, { openid: 'o_bob' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('applies a verdict pushed twice at the same moment once', async () => {
      const created = await write('o_alice', STORIES[0], { images: [IMAGE] });
      await review(created.id, 'approve', { points: 90 });
      const [check] = (await h.store.find('mediaChecks', { where: {} })).filter((c) => c.postId === created.id);
      const verdict = { traceId: check._id, suggest: 'risky', label: '色情' };
      const results = await Promise.all(Array.from({ length: 5 }, () => h.ok('posts', 'mediaVerdict', verdict, { openid: null })));
      expect(results.filter((r) => r.applied)).toHaveLength(1);
      expect((await ledgerOf('o_alice')).filter((e) => e.kind === 'reverse')).toHaveLength(1);
      expect(await me('o_alice')).toMatchObject({ balance: 0, earnedTotal: 0 });
    });

    it('a "review" image verdict flags a pending post for the moderator', async () => {
      const created = await write('o_alice', STORIES[0], { images: [IMAGE] });
      const [check] = (await h.store.find('mediaChecks', { where: {} })).filter((c) => c.postId === created.id);
      await h.ok('posts', 'mediaVerdict', { traceId: check._id, suggest: 'review', label: '广告' }, { openid: null });
      expect((await list('pending'))[0]).toMatchObject({ status: 'pending', flag: { source: 'image', label: '广告' } });
    });

    it('refuses bad input and stores nothing', async () => {
      const tooMany = Array.from({ length: 10 }, () => IMAGE);
      for (const bad of [
        { body: '' },
        { body: 42 },
        { body: STORIES[0], images: tooMany },
        { body: STORIES[0], images: ['http://evil.example/x.jpg'] },
        { body: 'x'.repeat(2001) },
      ]) {
        expect(await h.call('posts', 'create', { communityId: c, ...bad }, { openid: 'o_alice', now: NOW })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      expect(await review('no-such-post', 'approve')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await h.call('posts', 'review', { communityId: c, postId: 'x', decision: 'maybe' }, { openid: 'o_owner' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await list('mine', 'o_alice')).toEqual([]);
      expect(await h.store.find('mediaChecks', { where: {} })).toEqual([]);
    });
  });

  describe('likes', () => {
    let approved: string[];
    beforeEach(async () => {
      approved = [];
      for (const story of STORIES.slice(0, 11)) {
        const p = await write('o_bob', story);
        await h.ok(
          'posts',
          'review',
          { communityId: c, postId: p.id, decision: 'approve' },
          { openid: 'o_owner', now: '2026-05-30T04:00:00Z' },
        );
        approved.push(p.id);
      }
    });
    const like = (postId: string, openid = 'o_alice') => h.call('posts', 'like', { communityId: c, postId }, { openid, now: NOW });

    it('a member likes a post once: small points, the count shown, likedByMe', async () => {
      expect(await like(approved[0])).toMatchObject({ ok: true, data: { liked: true, awarded: 1, likes: 1 } });
      expect(await like(approved[0])).toMatchObject({ ok: true, data: { liked: true, awarded: 0, likes: 1 } });
      const feed = await list('approved', 'o_alice');
      expect(feed.find((p) => p.id === approved[0])).toMatchObject({ likes: 1, likedByMe: true });
      expect(feed.find((p) => p.id === approved[1])).toMatchObject({ likes: 0, likedByMe: false });
      expect((await me('o_alice')).balance).toBe(1);
    });

    it('counts every like when many members like at once', async () => {
      const likers = Array.from({ length: 10 }, (_, i) => `o_fan${i}`);
      for (const fan of likers) await h.ok('community', 'join', { communityId: c }, { openid: fan, now: NOW });
      const results = await Promise.all(likers.map((fan) => like(approved[0], fan)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect((await list('approved', 'o_alice')).find((p) => p.id === approved[0])?.likes).toBe(10);
    });

    it('concurrent double taps credit once', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => like(approved[0])));
      expect(results.every((r) => r.ok)).toBe(true);
      expect((await me('o_alice')).balance).toBe(1);
      expect((await list('approved', 'o_alice')).find((p) => p.id === approved[0])?.likes).toBe(1);
    });

    it('caps credited likes per day; the 11th like still counts, unpaid', async () => {
      const replies: Array<Record<string, any>> = [];
      for (const id of approved) replies.push(await like(id));
      expect(replies.map((r) => r.ok && [r.data.awarded, r.data.capped ?? false])).toEqual([...Array(10).fill([1, false]), [0, true]]);
      expect((await me('o_alice')).balance).toBe(10);
      expect((await list('approved', 'o_alice')).every((p) => p.likes === 1)).toBe(true);
    });

    it("refuses liking one's own post, a pending post, or as an outsider", async () => {
      expect(await like(approved[0], 'o_bob')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const pending = await write('o_bob', STORIES[11]);
      expect(await like(pending.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await like(approved[0], 'o_stranger')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await me('o_alice')).balance).toBe(0);
      expect((await me('o_bob')).balance).toBe(3 * 50); // the setup's approvals, capped at 3 a day
    });
  });
});
