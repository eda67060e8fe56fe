import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actAs as actAsIn, browserOnRuntime, waitForText, waitForTextInView, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const STORY = '入冬后给宝宝换了燕麦成分的润肤乳，每天洗澡后马上涂，一周后手背和脸颊的皲裂都好了，夜里也不再抓痒。';

const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

const balanceShown = async () => Number(await session.page.locator('#balance').innerText());

describe('experience posts in Chromium', () => {
  it('a member writes a post with a photo, the owner approves it in the review queue, the member sees the points', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await actAs('demo_xiaomei');
    const before = await balanceShown();

    await page.locator('#feed-link').click();
    await page.locator('#compose-button').click();
    await page.locator('#post-body textarea').fill(STORY);
    const photo = join(tmpdir(), 'before-after.png');
    writeFileSync(photo, PNG);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#add-images').click();
    await (await chooser).setFiles(photo);
    await page.locator('.image-grid__image').first().waitFor();
    await page.locator('#submit-post').click();
    await waitForText(page, '#submitted', '已提交审核');
    const { posts } = await rt.ok('posts', { action: 'list', communityId: 'demo', status: 'mine' }, 'demo_xiaomei');
    const post = posts[0];
    expect(post).toMatchObject({ body: STORY, status: 'pending', images: [expect.stringMatching(/^\/uploads\/[a-f0-9]{32}\.png$/)] });
    await waitForText(page, `#status-${post.id}`, '审核中');

    const unreadBefore = (await rt.ok('notices', { action: 'list', communityId: 'demo' }, 'demo_xiaomei')).unread as number;
    await actAs('demo_owner');
    await page.locator('#admin-review-link').click();
    // 社区 stays alive behind (a tab page), holding the same post: the newest page is the last.
    await page.locator(`#post-${post.id}`).last().waitFor();
    await page.locator(`#points-${post.id}-130`).click();
    await page.locator(`#approve-${post.id}`).click();
    await waitForText(page, '#review-notice', '已通过，作者获得 130 积分');
    await screenshot(page, 'e2e-review-queue.png');

    await actAs('demo_xiaomei');
    await waitForText(page, '#notices-badge', String(unreadBefore + 1));
    expect(await balanceShown()).toBe(before + 130);
    await page.locator('#notices-link').click();
    await waitForText(page, `#notice-post_approved\\:${post.id}`, '获得 130 积分');
    await screenshot(page, 'e2e-notices.png');
    // In the feed her own post has no like button; others' posts do.
    await page.goto(`${rt.url}/#/pages/feed/index`);
    // The feed opened earlier is in the page stack too: the newest page is the last.
    await page.locator(`#post-${post.id}`).last().waitFor();
    expect(await page.locator(`#like-${post.id}`).count()).toBe(0);
    await page.goto(`${rt.url}/#/pages/feed/index?tab=mine`);
    await waitForText(page, `#status-${post.id}`, '已通过 +130 积分');
    await screenshot(page, 'e2e-my-posts.png');
    // Another member sees the button on it.
    await actAs('demo_doudou');
    await page.goto(`${rt.url}/#/pages/feed/index`);
    await page.locator('#tab-feed').last().click();
    await page.locator(`#like-${post.id}`).last().waitFor();
    expect(errors).toEqual([]);
  });

  it('a refused like is said where the member is looking, deep in the feed, with no 重试 (trying again cannot help)', async () => {
    const { page, rt } = session;
    await rt.ok(
      'community',
      { action: 'ban', communityId: 'demo', openid: 'demo_laowang', banned: true, reason: '测试暂停' },
      'demo_owner',
    );
    try {
      await page.goto('about:blank');
      await actAs('demo_laowang');
      await page.goto(`${rt.url}/#/pages/feed/index`);
      const like = page.locator('.post__like').last();
      await like.scrollIntoViewIfNeeded();
      await like.click();
      await waitForTextInView(page, '你已被群主暂停参与积分活动');
      await screenshot(page, 'e2e-refused-like.png');
      expect(await page.locator('#retry').count()).toBe(0);
    } finally {
      await rt.ok(
        'community',
        { action: 'ban', communityId: 'demo', openid: 'demo_laowang', banned: false, reason: '测试结束' },
        'demo_owner',
      );
    }
  });
});
