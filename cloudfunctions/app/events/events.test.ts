import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #24 item 3: events — sign-ups under a capacity, attendance by member code, paid once. */
const NOW = '2026-03-02T02:00:00Z';
const at = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();
const as = (openid: string, now = NOW) => ({ openid, now });
const owner = (now = NOW) => as('o_owner', now);
const MEMBERS = Array.from({ length: 8 }, (_, i) => `o_e${i}`);

eachStore((open) => {
  let h: Harness;
  let c: string;
  let eventId: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    for (const openid of MEMBERS) await h.ok('community', 'join', { communityId: c, nickname: openid.slice(2) }, as(openid));
    const { event } = await h.ok(
      'events',
      'upsert',
      { communityId: c, event: { title: '周六亲子手工', place: '社区活动室', startsAt: at(48), endsAt: at(50), capacity: 3, points: 30 } },
      owner(),
    );
    eventId = event.id;
  });
  const signUp = (openid: string, now = NOW) =>
    h.call('events', 'signUp', { communityId: c, eventId, requestId: `sign-${openid}` }, as(openid, now));
  const codeOf = async (openid: string, now: string) =>
    (await h.ok('points', 'memberCode', { communityId: c }, as(openid, now))).code as string;

  it('never seats more than the capacity, however many sign up at once; a cancelled seat is free again', async () => {
    const tries = await Promise.all(MEMBERS.map((openid) => signUp(openid)));
    expect(tries.filter((t) => t.ok)).toHaveLength(3);
    expect(tries.filter((t) => !t.ok).every((t) => !t.ok && t.error.code === 'LIMIT_REACHED')).toBe(true);
    const seated = MEMBERS.filter((_, i) => tries[i].ok);
    const { event, coming } = await h.ok('events', 'get', { communityId: c, eventId }, as(seated[0]));
    expect([event.signedUp, event.mine, coming.length]).toEqual([3, 'signedUp', 3]);
    expect(await signUp(seated[0])).toMatchObject({ ok: true, data: { event: { signedUp: 3 } } });
    await h.ok('events', 'cancel', { communityId: c, eventId }, as(seated[1]));
    const others = MEMBERS.filter((m) => !seated.includes(m));
    expect(await signUp(others[0])).toMatchObject({ ok: true, data: { event: { signedUp: 3, mine: 'signedUp' } } });
    expect(await h.call('events', 'cancel', { communityId: c, eventId }, as(seated[0], at(48)))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await h.ok('events', 'list', { communityId: c }, as(others[0]))).events).toMatchObject([
      { id: eventId, status: 'upcoming', signedUp: 3, mine: 'signedUp' },
    ]);
  });

  it('staff take attendance by member code from an hour before: it pays once; a walk-in takes a free seat; nobody after the end', async () => {
    await signUp('o_e0');
    expect(await h.call('events', 'attend', { communityId: c, eventId, code: await codeOf('o_e0', at(46)) }, owner(at(46)))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('还没到') },
    });
    const code = await codeOf('o_e0', at(47.5));
    const scans = await Promise.all([
      h.call('events', 'attend', { communityId: c, eventId, code }, owner(at(47.5))),
      h.call('events', 'attend', { communityId: c, eventId, code }, owner(at(47.5))),
    ]);
    expect(scans.filter((s) => s.ok)).toHaveLength(1);
    expect(scans.find((s) => s.ok)).toMatchObject({ ok: true, data: { awarded: 30, attendee: { openid: 'o_e0' } } });
    expect(scans.find((s) => !s.ok)).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    expect((await h.ok('points', 'me', { communityId: c }, as('o_e0', at(48)))).balance).toBe(30);
    expect((await h.ok('events', 'get', { communityId: c, eventId }, as('o_e0', at(48)))).event.mine).toBe('attended');
    // Walk-ins while there is room (capacity 3: one signed up, two walk in, the third is turned away).
    for (const openid of ['o_e1', 'o_e2'])
      expect(
        (await h.call('events', 'attend', { communityId: c, eventId, code: await codeOf(openid, at(48.5)) }, owner(at(48.5)))).ok,
      ).toBe(true);
    expect(
      await h.call('events', 'attend', { communityId: c, eventId, code: await codeOf('o_e3', at(48.5)) }, owner(at(48.5))),
    ).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    expect(await h.call('events', 'attend', { communityId: c, eventId, code: await codeOf('o_e3', at(50)) }, owner(at(50)))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await h.ok('events', 'list', { communityId: c }, owner(at(51)))).events.find((e) => e.id === eventId)).toMatchObject({
      signedUp: 3,
      attended: 3,
    });
    expect((await h.ok('events', 'list', { communityId: c }, as('o_e0', at(51)))).events[0].attended).toBeUndefined();
    const { attendees } = await h.ok('events', 'attendees', { communityId: c, eventId }, owner(at(51)));
    expect(attendees.map((a) => [a.openid, Boolean(a.attendedAt)])).toEqual([
      ['o_e0', true],
      ['o_e1', true],
      ['o_e2', true],
    ]);
    expect(await signUp('o_e4', at(50))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps tier-only events for their tier, refuses junk and members acting as staff', async () => {
    const { event } = await h.ok(
      'events',
      'upsert',
      { communityId: c, event: { title: '金卡沙龙', startsAt: at(24), endsAt: at(26), points: 0, minTier: '金' } },
      owner(),
    );
    expect(await h.call('events', 'signUp', { communityId: c, eventId: event.id, requestId: 'sign-tier-1' }, as('o_e0'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('金') },
    });
    for (const bad of [
      { title: '', startsAt: at(1), endsAt: at(2), points: 0 },
      { title: 'x', startsAt: at(3), endsAt: at(2), points: 0 },
      { title: 'x', startsAt: at(1), endsAt: at(2), points: -1 },
      { title: 'x', startsAt: at(1), endsAt: at(2), points: 0, capacity: 0 },
      { title: 'x', startsAt: at(1), endsAt: at(2), points: 0, minTier: '钻石' },
    ]) {
      expect(await h.call('events', 'upsert', { communityId: c, event: bad }, owner())).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(
      await h.call('events', 'upsert', { communityId: c, event: { title: 'x', startsAt: at(1), endsAt: at(2), points: 0 } }, as('o_e0')),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('events', 'attend', { communityId: c, eventId, code: 'junk' }, owner(at(48)))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await h.call('events', 'attend', { communityId: c, eventId, code: await codeOf('o_e0', at(48)) }, as('o_e1', at(48))),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await Promise.all(['o_e0', 'o_e1'].map((m) => signUp(m)));
    expect(
      await h.call(
        'events',
        'upsert',
        { communityId: c, event: { id: eventId, title: '周六亲子手工', startsAt: at(48), endsAt: at(50), capacity: 1, points: 30 } },
        owner(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('reminds everyone signed up the day before, once however often the job runs; not those who gave the place back', async () => {
    await Promise.all(['o_e0', 'o_e1', 'o_e2'].map((m) => signUp(m)));
    await h.ok('events', 'cancel', { communityId: c, eventId }, as('o_e2'));
    const trigger = (now: string) => h.ok('jobs', 'remindEvents', {}, { openid: null, source: 'wx_trigger', now });
    expect(await trigger(at(20))).toEqual({ told: 0, more: false });
    expect(await trigger(at(24.1))).toEqual({ told: 2, more: false });
    expect(await trigger(at(25))).toEqual({ told: 0, more: false });
    for (const [openid, told] of [
      ['o_e0', 1],
      ['o_e2', 0],
    ] as const) {
      const { notices } = await h.ok('notices', 'list', { communityId: c }, as(openid, at(26)));
      expect([openid, notices.filter((n) => n.kind === 'event_reminder').length]).toEqual([openid, told]);
    }
    const { notices } = await h.ok('notices', 'list', { communityId: c }, as('o_e0', at(26)));
    expect(notices.find((n) => n.kind === 'event_reminder')).toMatchObject({
      title: '活动提醒：周六亲子手工',
      body: expect.stringContaining('社区活动室'),
    });
  });
});
