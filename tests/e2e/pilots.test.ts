import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

describe('a pilot rollout in Chromium', () => {
  it('the owner pilots double points on one segment, members outside it see no banner, and the owner compares the two', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await actAs('demo_owner');
    await page.locator('#admin-campaigns-link').click();
    await page.locator('#campaign-new').click();
    await page.locator('#campaign-name input').fill('活跃成员签到三倍');
    await page.locator('#campaign-multiplier input').fill('3');
    await page.locator('#campaign-pilot-segment').click();
    await page.locator('#campaign-pilot-segment-active').click();
    await screenshot(page, 'e2e-pilot-editor.png');
    await page.locator('#campaign-save').click();
    await waitForText(page, '#campaign-notice', '「活跃成员签到三倍」已开始');
    await page.getByText('试点：「活跃」分层（创建时的成员）').waitFor();

    const { campaigns } = await rt.ok('campaigns', { action: 'list', communityId: 'demo' }, 'demo_owner');
    const pilot = campaigns.find((c: { name: string }) => c.name === '活跃成员签到三倍');
    const { members } = await rt.ok('community', { action: 'members', communityId: 'demo', limit: 100 }, 'demo_owner');
    const segmentOf = new Map(members.map((m: { openid: string; segment: string }) => [m.openid, m.segment]));
    // Who sees the banner is who the pilot enrolled: the active members as they stood.
    for (const openid of ['demo_xiaomei', 'demo_doudou', 'demo_laowang']) {
      const seen = (await rt.ok('campaigns', { action: 'list', communityId: 'demo' }, openid)).campaigns.some(
        (c: { id: string }) => c.id === pilot.id,
      );
      expect([openid, seen]).toEqual([openid, segmentOf.get(openid) === 'active']);
    }

    await page.locator(`#campaign-compare-${pilot.id}`).click();
    await waitForText(page, `#pilot-report-${pilot.id}`, '人均活跃天数');
    await page.locator(`#pilot-report-${pilot.id}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-pilot-report.png');
    const report = await rt.ok('campaigns', { action: 'pilotReport', communityId: 'demo', campaignId: pilot.id }, 'demo_owner');
    expect(report.status).toBe('done');
    expect(report.compared.pilot.members + report.compared.rest.members).toBe(members.length);
    expect(report.compared.pilot.members).toBe([...segmentOf.values()].filter((s) => s === 'active').length);
    expect(errors).toEqual([]);
  });
});
