import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { STORIES } from '../../cloudfunctions/core/testing/stories';
import { gatewayFor as sharedGateway } from './testing';
import type { ImageUploader } from '../gateway/uploader';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T04:00:00Z';
const gatewayFor = (h: Harness, openid: string) => sharedGateway(h, openid, NOW);
/** The device's picker cannot run here: this one "picks" as many stored images as it is allowed. */
const picker = (): ImageUploader & { offered: number[] } => {
  const offered: number[] = [];
  let n = 0;
  return {
    offered,
    async pickAndUpload(max = 1) {
      offered.push(max);
      return Array.from({ length: Math.min(max, 4) }, () => `/uploads/${String(++n).padStart(32, '0')}.jpg`);
    },
    async upload() {
      return `/uploads/${String(++n).padStart(32, '0')}.jpg`;
    },
  };
};

let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
});

const rootFor = async (openid: string, uploader?: ImageUploader) => {
  const root = new RootStore(gatewayFor(h, openid), memoryStorage(), c, uploader);
  await root.session.load();
  return root;
};

describe('content stores', () => {
  it('a queue that could not be read never says it is empty; one that was read does', async () => {
    const member = await rootFor('o_alice');
    await member.review.load();
    expect([member.review.loaded, member.review.error]).toEqual([false, '只有群主和管理员可以查看待审核的帖子']);
    const owner = await rootFor('o_owner');
    expect(owner.review.loaded).toBe(false);
    await owner.review.load();
    expect([owner.review.loaded, owner.review.error, owner.review.posts]).toEqual([true, null, []]);
  });

  it('writes a post with photos up to nine; it waits in my posts until the review, then shows the points', async () => {
    const uploader = picker();
    const alice = await rootFor('o_alice', uploader);
    alice.posts.setBody(STORIES[0]);
    await alice.posts.addImages();
    await alice.posts.addImages();
    await alice.posts.addImages();
    expect(uploader.offered).toEqual([9, 5, 1]);
    expect(alice.posts.draft.images).toHaveLength(9);
    expect(alice.posts.imagesLeft).toBe(0);
    alice.posts.removeImage(0);
    expect(await alice.posts.submit()).toBe(true);
    expect(alice.posts.draft).toEqual({ body: '', images: [] });
    expect(alice.posts.submittedNote).toBe('已提交审核，通过后会通知你并发放积分');
    const postId = alice.posts.mine[0].id;

    const owner = await rootFor('o_owner');
    await owner.review.load();
    expect(owner.review.count).toBe('1');
    expect(owner.review.pointChoices).toEqual([50, 130, 200]);
    owner.review.choose(postId, 200);
    expect(await owner.review.approve(postId)).toBe(true);
    expect(owner.review).toMatchObject({ notice: '已通过，作者获得 200 积分', posts: [] });

    await alice.posts.show('mine');
    expect(alice.posts.submittedNote).toBeNull();
    expect(alice.posts.mine[0]).toMatchObject({ id: postId, status: 'approved', points: 200, images: expect.arrayContaining([]) });
    expect(alice.posts.mine[0].images).toHaveLength(8);
    await alice.notices.load();
    // The approval and the first-post badge it earned.
    expect(alice.notices).toMatchObject({ unread: 2, badge: '2' });
    await alice.notices.markAllRead();
    expect(alice.notices.unread).toBe(0);
  });

  it("shows a like at once and keeps the server's count; a refused like is undone with the reason", async () => {
    const { post } = await h.ok('posts', 'create', { communityId: c, body: STORIES[1] }, { openid: 'o_bob', now: NOW });
    await h.ok('posts', 'review', { communityId: c, postId: post.id, decision: 'approve' }, { openid: 'o_owner', now: NOW });
    const alice = await rootFor('o_alice');
    await alice.posts.show('feed');
    const liking = alice.posts.like(post.id);
    expect(alice.posts.feed[0]).toMatchObject({ likedByMe: true, likes: 1 });
    await liking;
    expect(alice.posts.feed[0]).toMatchObject({ likedByMe: true, likes: 1 });

    const bob = await rootFor('o_bob');
    await bob.posts.show('feed');
    await bob.posts.like(post.id);
    expect(bob.posts.feed[0]).toMatchObject({ likedByMe: false, likes: 1 });
    expect(bob.posts.error).toBe('不能给自己的帖子点赞');
  });

  it('staff take a post down from the feed and its points go back', async () => {
    const { post } = await h.ok('posts', 'create', { communityId: c, body: STORIES[3] }, { openid: 'o_bob', now: NOW });
    await h.ok('posts', 'review', { communityId: c, postId: post.id, decision: 'approve', points: 90 }, { openid: 'o_owner', now: NOW });
    const alice = await rootFor('o_alice');
    await alice.posts.show('feed');
    expect(await alice.posts.revoke(post.id, '搬运')).toBeNull();
    expect(alice.posts.error).toBe('只有群主和管理员可以这样做');
    const owner = await rootFor('o_owner');
    await owner.posts.show('feed');
    expect(await owner.posts.revoke(post.id, '搬运')).toBe(90);
    expect(owner.posts.feed).toEqual([]);
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_bob', now: NOW })).balance).toBe(0);
  });

  it('a rejected draft stays a draft with the reason shown', async () => {
    const alice = await rootFor('o_alice');
    alice.posts.setBody('想赚钱的来网赌群，稳赚不赔');
    expect(await alice.posts.submit()).toBe(false);
    expect(alice.posts.error).toContain('未通过安全检测');
    expect(alice.posts.draft.body).toBe('想赚钱的来网赌群，稳赚不赔');
  });

  it('asks, answers and accepts; only the asker sees the accept button, and not on their own answer', async () => {
    const alice = await rootFor('o_alice');
    const questionId = await alice.qa.ask('宝宝不爱喝水怎么办？', '一岁两个月，白开水一口都不喝');
    expect(questionId).toBeTruthy();
    const bob = await rootFor('o_bob');
    await bob.qa.open(questionId!);
    expect(await bob.qa.answer(STORIES[2])).toBe(true);
    expect(bob.qa.notice).toBe('回答已发布，被采纳可得积分');
    await bob.qa.open(questionId!);
    expect(bob.qa.answers.map((a) => a.canAccept)).toEqual([false]);

    await alice.qa.open(questionId!);
    expect(alice.qa.answers.map((a) => a.canAccept)).toEqual([true]);
    expect(await alice.qa.accept(alice.qa.answers[0].id)).toBe(true);
    expect(alice.qa.notice).toBe('已采纳，回答者获得 20 积分');
    expect(alice.qa.answers[0]).toMatchObject({ accepted: true, canAccept: false });
  });
});

describe('writing a post', () => {
  it('says how many characters a draft still needs to earn points, before it is sent', async () => {
    const alice = await rootFor('o_alice');
    alice.posts.setBody('很好用！！！');
    expect(alice.posts.charactersToEarn).toBe(17);
    alice.posts.setBody(STORIES[0]);
    expect(alice.posts.charactersToEarn).toBe(0);
  });
});
