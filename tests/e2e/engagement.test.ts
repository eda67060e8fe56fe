import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);
const balance = async () => Number(await session.page.locator('#balance').innerText());

describe('engagement in Chromium', () => {
  beforeAll(async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
  });

  it('a member makes up a missed day from the calendar and sees the streak restored', async () => {
    const { page, rt } = session;
    await actAs('demo_doudou');
    const me = await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou');
    // 豆豆妈 checked in two days ago, not yesterday.
    const yesterday = new Date(Date.parse(`${me.today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.locator('.nut-calendarcard').waitFor();
    if (yesterday.slice(0, 7) !== me.today.slice(0, 7)) await page.locator('.nut-calendarcard-header-left').last().click();
    await page
      .locator('.nut-calendarcard-day.current')
      .filter({ hasText: new RegExp(`^${Number(yesterday.slice(8))}`) })
      .first()
      .click();
    await waitForText(page, '#make-up-offer', `花 20 分，连签将变为 2 天`);
    const before = await balance();
    await screenshot(page, 'e2e-make-up-offer.png');
    await page.locator('#make-up-confirm').click();
    await waitForText(page, '#checkin-notice', '已补签');
    await waitForText(page, '#streak', '已连续签到 2 天');
    expect(await balance()).toBe(before - 20);
    await waitForText(page, '.calendar-mark--made-up', '补签');
    const calendar = await rt.ok('checkin', { action: 'calendar', communityId: 'demo', month: yesterday.slice(0, 7) }, 'demo_doudou');
    expect(calendar.madeUp).toEqual([yesterday]);
  });

  it('opens 我的 and sees the tier card, a badge earned and the tasks', async () => {
    const { page } = session;
    await page.locator('#me-link').click();
    await page.locator('#me-tier').waitFor();
    await page.locator('#badge-first_checkin.badge-wall__badge--earned').waitFor();
    await waitForText(page, '#task-firstCheckin', '已完成');
    await screenshot(page, 'e2e-me.png');
    // A task not yet done says what it pays and leads to where it is done.
    await waitForText(page, '#task-firstPost', '去完成');
    await page.locator('#task-firstPost').click();
    await page.waitForURL(/posts\/pages\/compose/);
    await page.goBack();
    await page.locator('#rules-page-link').waitFor();
    await page.locator('#rules-page-link').click();
    await waitForText(page, 'body', '怎么赚积分');
    await waitForText(page, 'body', '生日礼');
    await screenshot(page, 'e2e-rules-page.png');
  });

  it('the owner starts a double-points campaign with the pickers, and the next check-in shows it', async () => {
    const { page, rt } = session;
    await actAs('demo_owner');
    await page.locator('#admin-campaigns-link').click();
    await page.locator('#campaign-new').click();
    // Checked before sending, in plain Chinese beside the field.
    await page.locator('#campaign-save').click();
    await waitForText(page, '#campaign-form', '请给活动起个名字');
    await page.locator('#campaign-name input').fill('签到双倍日');
    await page.locator('#campaign-save').click();
    await waitForText(page, '#campaign-notice', '「签到双倍日」已开始');
    await screenshot(page, 'e2e-campaign-editor.png');

    await actAs('demo_xiaomei');
    await waitForText(page, '#campaign-banners', '签到双倍日');
    await waitForText(page, '#campaign-banners', '签到积分 ×2');
    const before = await balance();
    // The button says what the tap pays (5 × 2 for the day, 50 for the seventh day running), above the
    // fold at 390x844 with every banner on one line.
    await waitForText(page, '#checkin-button', '签到 +60');
    const fold = await page.evaluate(() => ({
      bottom: document.querySelector('#checkin-button')!.getBoundingClientRect().bottom,
      banners: Array.from(document.querySelectorAll('.campaign-banner')).map((b) => b.getBoundingClientRect().height),
    }));
    expect(fold.bottom).toBeLessThan(844);
    expect(Math.max(...fold.banners)).toBeLessThan(60);
    await page.locator('#checkin-button').click();
    await waitForText(page, '#checkin-pop', '签到×2');
    // The result has a line of its own: it covers neither the button nor the streak.
    const overlaps = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const result = box('#checkin-pop');
      return ['#checkin-button', '#streak'].filter((s) => {
        const other = box(s);
        return result.left < other.right && other.left < result.right && result.top < other.bottom && other.top < result.bottom;
      });
    });
    expect(overlaps).toEqual([]);
    // 5 × 2 for the day and 50 for the seventh day running.
    await page.waitForFunction((expected) => document.querySelector('#balance')?.textContent === String(expected), before + 60);
    await screenshot(page, 'e2e-double-points-checkin.png');
    const { entries } = await rt.ok('points', { action: 'ledger', communityId: 'demo' }, 'demo_xiaomei');
    expect(entries.find((e: { reason: string }) => e.reason === '每日签到')).toMatchObject({
      delta: 10,
      detail: { base: 5, multiplier: 2 },
    });
  });

  it('the leaderboard ranks ties together and tells me my place', async () => {
    const { page } = session;
    await page.locator('#leaderboard-link-home').click();
    await page.locator('.board-row').first().waitFor();
    await waitForText(page, '#board-me', '我的排名');
    await screenshot(page, 'e2e-leaderboard.png');
  });
});
