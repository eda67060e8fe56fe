import { startRuntime, type Runtime } from '../support/runtime';

let rt: Runtime;
let c: string;
const OWNER = 'h_owner';
const ALICE = 'h_alice';
const as = (openid: string, now?: string) => ({ 'X-Dev-Openid': openid, ...(now ? { 'X-Dev-Now': now } : {}) });

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '接口测试群' }, OWNER)).community.id;
  await rt.ok('community', { action: 'join', communityId: c, nickname: '爱丽丝' }, ALICE);
});
afterAll(async () => {
  await rt?.stop();
});

const snapshot = async (openid = ALICE) => ({
  me: await rt.ok('points', { action: 'me', communityId: c }, openid, { 'X-Dev-Now': '2026-06-01T02:00:00Z' }),
  ledger: await rt.ok('points', { action: 'ledger', communityId: c, limit: 100 }, openid),
});

describe('the local runtime over HTTP', () => {
  it('answers /healthz and serves the seeded demo community', async () => {
    expect(await (await fetch(`${rt.url}/healthz`)).json()).toEqual({ ok: true });
    const demo = await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei');
    expect(demo.balance).toBeGreaterThan(0);
    const people = await (await fetch(`${rt.url}/dev/identities`)).json();
    expect(people.data.people.map((p: { role: string }) => p.role)).toEqual(['owner', 'moderator', 'member', 'member', 'member']);
  });

  it('credits 20 concurrent check-ins by one member once', async () => {
    const now = '2026-05-10T03:00:00Z';
    const results = await Promise.all(
      Array.from({ length: 20 }, () => rt.call('checkin', { action: 'checkin', communityId: c }, as(ALICE, now))),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.body.ok).map((r) => r.body.error.code)).toEqual(Array(19).fill('ALREADY_DONE'));
    const { entries } = await rt.ok('points', { action: 'ledger', communityId: c }, ALICE);
    expect(entries.filter((e: { refId: string }) => e.refId.endsWith('2026-05-10'))).toHaveLength(1);
  });

  it('credits a replayed adjust once and refuses a changed replay', async () => {
    const before = await snapshot();
    const body = { action: 'adjust', communityId: c, openid: ALICE, delta: 40, reason: '群活动奖励', requestId: 'http-adjust-0001' };
    const replies = await Promise.all(Array.from({ length: 5 }, () => rt.call('points', body, as(OWNER))));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(replies[0].body).toMatchObject({ ok: true, data: { entry: { delta: 40, kind: 'adjust' } } });
    const changed = await rt.call('points', { ...body, delta: 41 }, as(OWNER));
    expect(changed.body).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
    const after = await snapshot();
    expect(after.me.balance).toBe(before.me.balance + 40);
    expect(after.ledger.entries).toHaveLength(before.ledger.entries.length + 1);
  });

  it('splits days at 16:00Z for Asia/Shanghai (15:59:59Z vs 16:00:01Z)', async () => {
    // A member of their own: a check-in for a day before one's last check-in day is refused.
    const CAROL = 'h_carol';
    await rt.ok('community', { action: 'join', communityId: c, nickname: '卡罗' }, CAROL);
    const first = await rt.call('checkin', { action: 'checkin', communityId: c }, as(CAROL, '2026-03-02T15:59:59Z'));
    const second = await rt.call('checkin', { action: 'checkin', communityId: c }, as(CAROL, '2026-03-02T16:00:01Z'));
    expect(first.body).toMatchObject({ ok: true, data: { streak: 1 } });
    expect(second.body).toMatchObject({ ok: true, data: { streak: 2 } });
    const cal = await rt.ok('checkin', { action: 'calendar', communityId: c, month: '2026-03' }, CAROL, {
      'X-Dev-Now': '2026-03-02T16:00:01Z',
    });
    expect(cal.days).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('refuses owner actions to a non-member and to a member, changing nothing', async () => {
    const before = await snapshot();
    const ownerActions: Array<[string, Record<string, unknown>]> = [
      ['community', { action: 'updateRules', communityId: c, rules: { checkin: { points: 100 } } }],
      ['community', { action: 'setRole', communityId: c, openid: ALICE, role: 'moderator' }],
      ['community', { action: 'members', communityId: c }],
      ['points', { action: 'adjust', communityId: c, openid: ALICE, delta: 1000, reason: '自己加分', requestId: 'http-sneaky-0001' }],
    ];
    for (const caller of ['h_stranger', ALICE]) {
      for (const [fn, body] of ownerActions) {
        const reply = await rt.call(fn, body, as(caller));
        expect([reply.status, reply.body.ok, reply.body.error?.code]).toEqual([200, false, 'FORBIDDEN']);
      }
    }
    for (const [fn, body] of [
      ['points', { action: 'me', communityId: c }],
      ['checkin', { action: 'checkin', communityId: c }],
      ['points', { action: 'ledger', communityId: c }],
    ] as const) {
      expect((await rt.call(fn, body, as('h_stranger'))).body.error.code).toBe('FORBIDDEN');
    }
    expect((await rt.ok('community', { action: 'get', communityId: c }, OWNER)).community.rules.checkin.points).toBe(5);
    expect(await snapshot()).toEqual(before);
  });

  it('answers junk of every type with a clear error, no 5xx, and changes nothing', async () => {
    const before = await snapshot();
    const raw = async (body: string, headers: Record<string, string> = as(ALICE)) => {
      const response = await fetch(`${rt.url}/api/points`, { method: 'POST', headers, body });
      return { status: response.status, body: await response.json() };
    };
    for (const body of ['', 'not json', '{"action":', '\u0000\u0001']) {
      const reply = await raw(body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // Values that are wrong for every field below (a valid delta like -1 is not junk).
    const junkValues = [null, 1.5, -0.5, 1e308, '', ' ', 'x'.repeat(5000), true, [], [1, 2], { $gt: '' }];
    const cases: Array<[string, Record<string, unknown>]> = [];
    for (const value of junkValues) {
      cases.push(['points', { action: value }]);
      cases.push(['points', { action: 'me', communityId: value }]);
      cases.push(['points', { action: 'ledger', communityId: c, limit: value }]);
      cases.push(['points', { action: 'ledger', communityId: c, cursor: value }]);
      cases.push(['points', { action: 'adjust', communityId: c, openid: value, delta: 5, reason: 'r', requestId: 'http-junk-00001' }]);
      cases.push(['points', { action: 'adjust', communityId: c, openid: ALICE, delta: value, reason: 'r', requestId: 'http-junk-00002' }]);
      cases.push(['points', { action: 'adjust', communityId: c, openid: ALICE, delta: 5, reason: value, requestId: 'http-junk-00003' }]);
      cases.push(['points', { action: 'adjust', communityId: c, openid: ALICE, delta: 5, reason: 'r', requestId: value }]);
      cases.push(['points', { action: 'leaderboard', communityId: c, period: value }]);
      cases.push(['checkin', { action: 'calendar', communityId: c, month: value }]);
      cases.push(['community', { action: 'updateRules', communityId: c, rules: value }]);
      cases.push(['community', { action: 'updateRules', communityId: c, rules: { checkin: { points: value } } }]);
      cases.push(['community', { action: 'create', name: value }]);
      cases.push(['community', { action: 'join', communityId: c, nickname: value }]);
      cases.push([
        'mall',
        { action: 'setShipping', communityId: c, orderId: value, shipping: { name: '王', phone: '13800138000', address: '上海' } },
      ]);
      cases.push(['mall', { action: 'setShipping', communityId: c, orderId: 'some-order', shipping: value }]);
      cases.push([
        'mall',
        { action: 'setShipping', communityId: c, orderId: 'some-order', shipping: { name: value, phone: '13800138000', address: '上海' } },
      ]);
    }
    for (const body of [[], 'string', 42, null]) {
      const reply = await rt.call('points', body === 'string' ? '"string"' : body, as(ALICE));
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const accepted: string[] = [];
    for (const [fn, body] of cases) {
      const caller = body.action === 'updateRules' || body.action === 'adjust' ? OWNER : ALICE;
      const reply = await rt.call(fn, body, as(caller));
      expect(reply.status).toBe(200);
      if (reply.body.ok) accepted.push(JSON.stringify(body));
      else {
        // NOT_FOUND: a well-formed id (e.g. communityId "NaN") that names nothing.
        expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(reply.body.error.code);
        expect(reply.body.error.message.length).toBeGreaterThan(0);
      }
    }
    // Only reads may accept a loose value (e.g. an unknown cursor reads an empty page).
    for (const body of accepted) expect(['me', 'ledger', 'leaderboard', 'calendar']).toContain(JSON.parse(body).action);
    const noIdentity = await rt.call('points', { action: 'me', communityId: c }, {});
    expect(noIdentity.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const badClock = await rt.call('points', { action: 'me', communityId: c }, as(ALICE, 'yesterday-ish'));
    expect(badClock.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknownFunction = await rt.call('nope', { action: 'me' }, as(ALICE));
    expect([unknownFunction.status, unknownFunction.body.error.code]).toEqual([200, 'NOT_FOUND']);
    // 3,000 levels of nesting once overflowed the stack on the way to the functions thread (HTTP 500).
    const deep = `{"action":"me","communityId":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    for (const body of [deep, `{"action":"me","x":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`]) {
      const reply = await raw(body);
      expect([reply.status, reply.body.error.code]).toEqual([200, 'INVALID_INPUT']);
    }
    expect((await fetch(`${rt.url}/api/points`)).status).toBe(405);
    expect(await snapshot()).toEqual(before);
  });

  it('runs jobs only for the timer source', async () => {
    expect((await rt.call('jobs', { action: 'expirePoints' }, as(ALICE))).body.error.code).toBe('FORBIDDEN');
    expect((await rt.call('jobs', { action: 'expirePoints' }, {})).body.error.code).toBe('UNAUTHENTICATED');
    const run = await rt.call('jobs', { action: 'expirePoints' }, { 'X-Dev-Source': 'wx_trigger' });
    expect(run.body).toMatchObject({ ok: true, data: { expiredPoints: expect.any(Number), members: expect.any(Number) } });
  });
});
