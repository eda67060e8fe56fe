import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

describe('a comment thread in Chromium', () => {
  it("a member opens a post's comments, writes one and is told what it earned; the author is told; staff remove it and its points go back", async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    const { posts } = await rt.ok('posts', { action: 'list', communityId: 'demo' }, 'demo_doudou');
    const post = posts.find((p: { author: { openid: string } }) => p.author.openid !== 'demo_doudou');
    const before = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou')).balance as number;

    await actAs('demo_doudou');
    await page.goto(`${rt.url}/#/pages/feed/index`);
    await page.locator(`#comments-${post.id}`).click();
    await page.locator('#comment-send').click();
    await waitForText(page, '#comment-body-error', '写点什么吧');
    await page.locator('#comment-body textarea').fill('学到了，周末就带孩子试试这个办法');
    await page.locator('#comment-send').click();
    await waitForText(page, '#comment-notice', '评论成功');
    await waitForText(page, '#comments', '学到了，周末就带孩子试试这个办法');
    await screenshot(page, 'e2e-comment-thread.png');
    const earned = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou')).balance - before;
    expect(earned).toBeGreaterThan(0);
    const { notices } = await rt.ok('notices', { action: 'list', communityId: 'demo' }, post.author.openid);
    expect(notices.some((n: { kind: string; title: string }) => n.kind === 'post_commented' && n.title.includes('豆豆妈'))).toBe(true);

    await actAs('demo_owner');
    await page.goto(`${rt.url}/#/packages/posts/pages/thread/index?postId=${post.id}`);
    const { comments } = await rt.ok('posts', { action: 'comments', communityId: 'demo', postId: post.id }, 'demo_owner');
    const mine = comments.find((c: { body: string }) => c.body.startsWith('学到了'));
    // The browser keeps the earlier page in its stack: the visible one is this.
    await page.locator(`#remove-${mine.id}:visible`).last().click();
    await page.getByText('删除', { exact: true }).last().click();
    await page.waitForFunction((id) => document.querySelectorAll(`[id="comment-${id}"]`).length === 0, mine.id);
    expect((await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou')).balance).toBe(before);
    expect(errors).toEqual([]);
  });
});
