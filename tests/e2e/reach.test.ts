import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

describe("the owner's reach in Chromium", () => {
  it('the owner awards points to two members by name after confirming the count and total, and announces to everyone; members see both', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    const balance = async (openid: string) => (await rt.ok('points', { action: 'me', communityId: 'demo' }, openid)).balance as number;
    const before = await balance('demo_xiaomei');
    await actAs('demo_owner');

    await page.locator('#console-link').click();
    await page.locator('#reach-link').click();
    // Checked before anything is sent, beside the fields.
    await page.locator('#award-audience-list').click();
    await page.locator('#award-send').click();
    await waitForText(page, '#award-list-error', '每行一个');
    await waitForText(page, '#award-amount-error', '每人发 1 到 10000 积分');
    await page.locator('#award-list textarea').fill('小美\n路人甲');
    await page.locator('#award-amount input').fill('25');
    await page.locator('#award-reason input').fill('线下活动签到奖励');
    await page.locator('#award-send').click();
    // The confirm names the count, the total and who was not found.
    await page.getByText('共 25 积分').waitFor();
    await page.getByText(/找不到或重名.*路人甲/).waitFor();
    await screenshot(page, 'e2e-reach-confirm.png');
    await page.getByText('发放', { exact: true }).click();
    await waitForText(page, '#award-progress', '已完成：已发 1 / 1 人');
    expect(await balance('demo_xiaomei')).toBe(before + 25);

    await page.locator('#cast-title input').fill('周六线下活动');
    await page.locator('#cast-body textarea').fill('本周六下午两点，社区活动室见');
    await page.locator('#cast-send').click();
    await page.getByText('群发', { exact: true }).last().click();
    await waitForText(page, '#cast-progress', '已完成');
    await screenshot(page, 'e2e-reach-done.png');
    const { notices } = await rt.ok('notices', { action: 'list', communityId: 'demo' }, 'demo_xiaomei');
    expect(notices.map((n: { kind: string; title: string }) => [n.kind, n.title]).slice(0, 2)).toEqual([
      ['broadcast', '周六线下活动'],
      ['points_adjusted', '群主奖励了 25 积分'],
    ]);
    expect(errors).toEqual([]);
  });

  it('a member checks in and asks to be reminded tomorrow at the hour she picks; the server counts it', async () => {
    const { page, rt } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await actAs('demo_doudou');
    await page.locator('#checkin-button').waitFor();
    if (!(await page.locator('#checkin-button').textContent())?.includes('今日已签到')) await page.locator('#checkin-button').click();
    await page.locator('#reminder-button').click();
    await waitForText(page, '#reminder-notice', '20:00 没签到会提醒你（还可提醒 1 次）');
    await page.locator('#reminder').scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-reach-reminder.png');
    expect(await rt.ok('notices', { action: 'subscriptions', communityId: 'demo' }, 'demo_doudou')).toEqual({
      checkinReminder: { left: 1, hour: 20 },
      announcement: { left: 0 },
    });
  });
});
