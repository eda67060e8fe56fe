import type { ContentSecurity } from '../../platform/ports';
import { localPlatform } from '../../platform/local/platform';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** Nicknames, gift messages and community names pass content security before anyone sees them. */
const NOW = '2026-03-02T02:00:00Z';

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 100, reason: '活动', requestId: 'short-give-1' },
      { openid: 'o_owner', now: NOW },
    );
    await h.ok('community', 'updateRules', { communityId: c, rules: { transfer: { minTier: '铜' } } }, { openid: 'o_owner', now: NOW });
  });

  it('refuses a flagged nickname, gift message or community name with what to change, and changes nothing', async () => {
    expect(
      await h.call('community', 'updateProfile', { communityId: c, nickname: '加微信领红包' }, { openid: 'o_alice', now: NOW }),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('昵称') } });
    expect(await h.call('community', 'join', { communityId: c, nickname: '约炮小王' }, { openid: 'o_newcomer', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(
      await h.call(
        'points',
        'transfer',
        { communityId: c, to: 'o_bob', amount: 10, message: '去死吧', requestId: 'short-gift-1' },
        { openid: 'o_alice', now: NOW },
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('留言') } });
    expect(await h.call('community', 'create', { name: '网赌交流群' }, { openid: 'o_owner', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('社群名称') },
    });
    const me = await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: NOW });
    expect(me.balance).toBe(100);
    expect((await h.ok('community', 'get', { communityId: c }, { openid: 'o_newcomer', now: NOW })).role).toBeNull();
    expect((await h.ok('community', 'mine', {}, { openid: 'o_owner', now: NOW })).communities).toHaveLength(1);
    // Clean text goes through.
    expect(
      await h.call(
        'points',
        'transfer',
        { communityId: c, to: 'o_bob', amount: 10, message: '谢谢你的分享', requestId: 'short-gift-2' },
        { openid: 'o_alice', now: NOW },
      ),
    ).toMatchObject({ ok: true });
    expect(
      await h.call('community', 'updateProfile', { communityId: c, nickname: '小美妈妈' }, { openid: 'o_alice', now: NOW }),
    ).toMatchObject({ ok: true, data: { member: { nickname: '小美妈妈' } } });
  });

  it('lets a short text through when the check itself is down: nobody is kept from joining', async () => {
    const down: ContentSecurity = { ...localPlatform().content, checkText: () => Promise.reject(new Error('timeout')) };
    const offline = open({ ...localPlatform(), content: down });
    const community = await communityWithMembers(offline);
    expect(
      await offline.call('community', 'join', { communityId: community, nickname: '新人' }, { openid: 'o_newcomer', now: NOW }),
    ).toMatchObject({ ok: true, data: { member: { nickname: '新人' } } });
  });
});
