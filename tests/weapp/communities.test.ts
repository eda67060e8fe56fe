import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';

describe('the compiled weapp: an owner starts a community, a member of two switches (miniprogram-simulate)', () => {
  it('offers 创建社群 to someone in none, creates from a template, and switches between my communities', async () => {
    const h = sqliteHarness();
    const host = installWeappHost(h, { openid: 'o_new_owner', now: () => NOW });
    const home = await host.open('pages/home/index');
    const textOf = (page: any, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';
    await waitFor(() => textOf(home, '#no-community').includes('创建社群'));
    home.querySelector('#go-create').dispatchEvent('tap');
    await waitFor(() => host.navigations.some((n) => n.url.includes('packages/community/pages/create/index')));

    const create = await host.open('packages/community/pages/create/index');
    await waitFor(() => textOf(create, '#template-parenting').includes('签到 3'));
    create.querySelector('#create-community').dispatchEvent('tap');
    await waitFor(() => textOf(create, '#community-name-problem') === '请填写社群名称');
    create.querySelector('#community-name').dispatchEvent('input', { detail: { value: '宝妈互助群' } });
    create.querySelector('#template-parenting').dispatchEvent('tap');
    await waitFor(() => create.querySelector('#template-parenting').dom.className.includes('template--on'));
    create.querySelector('#create-community').dispatchEvent('tap');
    await waitFor(() => host.navigations.some((n) => n.how === 'switchTab' && n.url === '/pages/home/index'));
    const { communities } = await h.ok('community', 'mine', {}, { openid: 'o_new_owner', now: NOW });
    expect(communities).toEqual([expect.objectContaining({ name: '宝妈互助群', role: 'owner' })]);
    const created = communities[0].id;
    expect(
      (await h.ok('community', 'get', { communityId: created }, { openid: 'o_new_owner', now: NOW })).community.rules.checkin.points,
    ).toBe(3);

    // A second community, joined: the switcher lists both, and a tap opens the other.
    const other = (await h.ok('community', 'create', { name: '读书会' }, { openid: 'o_reader', now: NOW })).community.id;
    await h.ok('community', 'join', { communityId: other, nickname: '群主小李' }, { openid: 'o_new_owner', now: NOW });
    const mine = await host.open('packages/community/pages/mine/index');
    await waitFor(() => textOf(mine, `#community-${other}`).includes('读书会'));
    expect(textOf(mine, `#community-${created}`)).toContain('群主');
    expect(textOf(mine, `#community-${created}`)).toContain('当前');
    mine.querySelector(`#community-${other}`).dispatchEvent('tap');
    await waitFor(() => textOf(mine, `#community-${other}`).includes('当前'));
    expect((globalThis as any).wx.getStorageSync('communityId')).toBe(other);
  });
});
