import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { browserOnRuntime, screenshot, waitForText } from '../support/browserSession';

const session = browserOnRuntime();

/** A fresh browser acting as someone the demo does not know (the local identity bar's guest). */
async function asNewPerson(openid: string): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await launchChromium();
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.addInitScript((id) => localStorage.setItem('devOpenid', JSON.stringify({ data: id })), openid);
  return { browser, page };
}

describe('communities owners set up, in Chromium (390x844)', () => {
  it('a new owner creates one and binds the group; a newcomer taps the card and joins; a member of two switches', async () => {
    const { rt } = session;
    const owner = await asNewPerson('e2e_new_owner');
    try {
      const { page } = owner;
      await page.goto(`${rt.url}/#/pages/home/index?opengid=G_e2e_mums`);
      await waitForText(page, '#no-community', '创建社群');
      await screenshot(page, 'e2e-community-none.png');
      await page.locator('#go-create').click();
      await page.locator('#community-name input, input#community-name').first().fill('宝妈互助群');
      await page.locator('#template-parenting').click();
      await waitForText(page, '#template-parenting', '签到 3');
      await screenshot(page, 'e2e-community-create.png');
      await page.locator('#create-community').click();
      await waitForText(page, '.hero__community', '宝妈互助群');
      // The owner's first steps, each gone once done.
      await waitForText(page, '#owner-checklist', '还有 3 步');
      // Opened from the group's card (locally: the link's opengid), the owner binds it from home.
      await page.goto(`${rt.url}/#/pages/home/index?opengid=G_e2e_mums`);
      await waitForText(page, '.hero__community', '宝妈互助群');
      await page.locator('#step-bindGroup .link').click();
      await waitForText(page, '#owner-checklist', '还有 2 步');
      await screenshot(page, 'e2e-community-owner-home.png');
      await page.locator('#share-card').click();
      await waitForText(page, '#owner-checklist', '还有 1 步');
      expect(await page.locator('#step-shareCard').count()).toBe(0);
    } finally {
      await owner.browser.close();
    }
    const { communities } = await rt.ok('community', { action: 'mine' }, 'e2e_new_owner');
    expect(communities).toEqual([expect.objectContaining({ name: '宝妈互助群', role: 'owner' })]);

    const newcomer = await asNewPerson('e2e_newcomer');
    try {
      const { page } = newcomer;
      // Tapping the card in the group: the group's community, one tap to join.
      await page.goto(`${rt.url}/#/pages/home/index?opengid=G_e2e_mums`);
      await page.locator('#join-button').waitFor();
      await waitForText(page, '.join-card__title', '宝妈互助群');
      await screenshot(page, 'e2e-community-group-landing.png');
      await page.locator('#join-button').click();
      await waitForText(page, '.hero__community', '宝妈互助群');
      // Also a member of the demo (by its link): the switcher lists both, and a tap opens the other.
      await page.goto(`${rt.url}/#/pages/join/index?communityId=demo`);
      await page.locator('#join-button').click();
      await waitForText(page, '.hero__community', '花园宝妈互助群');
      await page.locator('#switch-community').click();
      await waitForText(page, '.my-communities', '宝妈互助群');
      await waitForText(page, '.my-communities', '花园宝妈互助群');
      await screenshot(page, 'e2e-community-switcher.png');
      const mums = communities[0].id as string;
      await page.locator(`#community-${mums}`).click();
      await waitForText(page, '.hero__community', '宝妈互助群');
      const member = (await rt.ok('community', { action: 'member', communityId: mums, openid: 'e2e_newcomer' }, 'e2e_new_owner')).member;
      expect(member.groupId).toBe('G_e2e_mums');
    } finally {
      await newcomer.browser.close();
    }
  });
});
