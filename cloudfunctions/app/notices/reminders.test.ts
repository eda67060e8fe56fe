import type { outboxMessenger } from '../../platform/local/outbox';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** API v3 check-in reminders: at the member's hour, only if they have not checked in, once a day, one acceptance each. */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const trigger = (now: string) => ({ openid: null, source: 'wx_trigger', now });

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h, '2026-03-01T02:00:00Z');
  });
  const reminders = () => (h.platform.messages as ReturnType<typeof outboxMessenger>).sent.filter((m) => m.purpose === 'checkinReminder');

  it('reminds at the hour only who has not checked in, once a day however many runs race, keeping the acceptance on a day it was not needed', async () => {
    const me = { openid: 'o_alice' };
    expect(await h.ok('notices', 'subscriptions', { communityId: c }, { ...me, now: at('2026-03-02', '08:00') })).toEqual({
      checkinReminder: { left: 0, hour: null },
      announcement: { left: 0 },
    });
    await h.ok('notices', 'subscribe', { communityId: c, kind: 'checkin_reminder', hour: 21 }, { ...me, now: at('2026-03-02', '08:00') });
    expect(
      await h.ok('notices', 'subscribe', { communityId: c, kind: 'checkin_reminder', hour: 21 }, { ...me, now: at('2026-03-02', '08:01') }),
    ).toEqual({ checkinReminder: { left: 2, hour: 21 }, announcement: { left: 0 } });

    // Before the hour nothing is due; at it, several runs at once send one message.
    expect(await h.ok('jobs', 'remind', {}, trigger(at('2026-03-02', '20:59')))).toEqual({ sent: 0, more: false });
    const runs = await Promise.all([1, 2, 3].map(() => h.ok('jobs', 'remind', {}, trigger(at('2026-03-02', '21:00')))));
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect(reminders().map((m) => [m.openid, m.page])).toEqual([['o_alice', '/pages/home/index']]);
    expect(
      (await h.ok('notices', 'subscriptions', { communityId: c }, { ...me, now: at('2026-03-02', '21:05') })).checkinReminder.left,
    ).toBe(1);

    // The next day she checks in first: no message, the acceptance kept.
    await h.ok('checkin', 'checkin', { communityId: c }, { ...me, now: at('2026-03-03', '09:00') });
    expect(await h.ok('jobs', 'remind', {}, trigger(at('2026-03-03', '21:00')))).toEqual({ sent: 0, more: false });
    expect(
      (await h.ok('notices', 'subscriptions', { communityId: c }, { ...me, now: at('2026-03-03', '21:05') })).checkinReminder.left,
    ).toBe(1);

    // The day after she forgets: the last acceptance is used, and nothing is due any more.
    expect((await h.ok('jobs', 'remind', {}, trigger(at('2026-03-04', '21:01')))).sent).toBe(1);
    expect((await h.ok('jobs', 'remind', {}, trigger(at('2026-03-05', '21:01')))).sent).toBe(0);
    expect(reminders()).toHaveLength(2);
  });

  it('refuses a bad hour or kind and a non-member, changing nothing', async () => {
    for (const bad of [
      { kind: 'checkin_reminder', hour: 24 },
      { kind: 'checkin_reminder', hour: 7.5 },
      { kind: 'weekly', hour: 8 },
      { kind: 'checkin_reminder' },
    ]) {
      expect(
        await h.call('notices', 'subscribe', { communityId: c, ...bad }, { openid: 'o_alice', now: at('2026-03-02', '08:00') }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(
      await h.call(
        'notices',
        'subscribe',
        { communityId: c, kind: 'checkin_reminder', hour: 8 },
        { openid: 'o_stranger', now: at('2026-03-02', '08:00') },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (await h.ok('notices', 'subscriptions', { communityId: c }, { openid: 'o_alice', now: at('2026-03-02', '08:00') })).checkinReminder
        .left,
    ).toBe(0);
  });
});
