import { communityWithMembers, sqliteHarness } from '../../cloudfunctions/testing/harness';
import { unwrap, type Gateway } from '../gateway/gateway';
import type { Subscriber } from '../device/subscription';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T04:00:00Z';

it('明天提醒我 asks WeChat first: accepted, the server counts one more at the chosen hour; refused, nothing is sent and the member is told why', async () => {
  const h = sqliteHarness();
  const c = await communityWithMembers(h);
  const gateway: Gateway = {
    call: async (fn, action, params) =>
      unwrap(await h.call(fn, action, params as Record<string, unknown>, { openid: 'o_alice', now: NOW })) as never,
  };
  let accept = false;
  const subscriber: Subscriber = async (purposes) => (accept ? purposes : []);
  const root = new RootStore(gateway, memoryStorage(), c, undefined, undefined, undefined, undefined, subscriber);
  await root.reminders.load();
  expect(root.reminders.reminders).toEqual({ left: 0, hour: null });
  expect(await root.reminders.remindMe()).toBe(false);
  expect(root.reminders.notice).toContain('允许');
  expect((await h.ok('notices', 'subscriptions', { communityId: c }, { openid: 'o_alice', now: NOW })).checkinReminder.left).toBe(0);
  accept = true;
  root.reminders.setHour(21);
  expect(await root.reminders.remindMe()).toBe(true);
  expect(await root.reminders.remindMe()).toBe(true);
  expect(root.reminders.reminders).toEqual({ left: 2, hour: 21 });
  expect(root.reminders.notice).toBe('好的，21:00 没签到会提醒你（还可提醒 2 次）');
});

it('群公告 by WeChat: accepted, one more announcement is counted; refused, nothing changes and the member is told why', async () => {
  const h = sqliteHarness();
  const c = await communityWithMembers(h);
  const gateway: Gateway = {
    call: async (fn, action, params) =>
      unwrap(await h.call(fn, action, params as Record<string, unknown>, { openid: 'o_alice', now: NOW })) as never,
  };
  let accept = false;
  const root = new RootStore(gateway, memoryStorage(), c, undefined, undefined, undefined, undefined, async (purposes) =>
    accept ? purposes : [],
  );
  await root.reminders.load();
  expect(root.reminders.announcementsLeft).toBe(0);
  expect(await root.reminders.tellMeAnnouncements()).toBe(false);
  expect(root.reminders.announcementNotice).toContain('允许');
  accept = true;
  expect(await root.reminders.tellMeAnnouncements()).toBe(true);
  expect(root.reminders.announcementsLeft).toBe(1);
  expect((await h.ok('notices', 'subscriptions', { communityId: c }, { openid: 'o_alice', now: NOW })).announcement.left).toBe(1);
});
