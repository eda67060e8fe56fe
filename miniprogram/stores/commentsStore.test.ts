import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { STORIES } from '../../cloudfunctions/core/testing/stories';
import { gatewayFor as sharedGateway } from './testing';
import { commentProblem } from './CommentsStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T04:00:00Z';
const gatewayFor = (h: Harness, openid: string, lose?: { action: string; times: number }) => sharedGateway(h, openid, NOW, lose);

it('the thread: a comment sent once though its answer was lost, what it earned said; staff take one down', async () => {
  const h = sqliteHarness();
  const c = await communityWithMembers(h);
  const postId = (await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, { openid: 'o_bob', now: NOW })).post.id;
  await h.ok('posts', 'review', { communityId: c, postId, decision: 'approve' }, { openid: 'o_owner', now: NOW });
  expect([commentProblem(' '), commentProblem('x'.repeat(201)), commentProblem('好')]).toEqual(['写点什么吧', '评论最多 200 个字', null]);
  const alice = new RootStore(gatewayFor(h, 'o_alice', { action: 'comment', times: 1 }), memoryStorage(), c);
  await alice.comments.open(postId);
  alice.comments.setDraft('这个办法真好，我也试试');
  expect(await alice.comments.send()).toBe(false);
  expect(await alice.comments.send()).toBe(true);
  expect(alice.comments.notice).toBe('评论成功，+1 积分');
  expect(alice.comments.comments.map((x) => x.body)).toEqual(['这个办法真好，我也试试']);
  expect((await h.ok('posts', 'comments', { communityId: c, postId }, { openid: 'o_bob', now: NOW })).comments).toHaveLength(1);
  const owner = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
  await owner.comments.open(postId);
  expect(await owner.comments.remove(owner.comments.comments[0].id, '广告')).toBe(true);
  expect(owner.comments.comments).toEqual([]);
  expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: NOW })).balance).toBe(0);
});
