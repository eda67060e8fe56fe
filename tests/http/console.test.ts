import { startRuntime, type Runtime } from '../support/runtime';

let rt: Runtime;
let c: string;
const OWNER = 'k_owner';
const MOD = 'k_mod';
const MEI = 'k_mei';
const as = (openid: string, now?: string) => ({ 'X-Dev-Openid': openid, ...(now ? { 'X-Dev-Now': now } : {}) });

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '控制台测试群' }, OWNER)).community.id;
  await rt.ok('community', { action: 'join', communityId: c, nickname: '版主' }, MOD);
  await rt.ok('community', { action: 'join', communityId: c, nickname: '小美' }, MEI);
  await rt.ok('community', { action: 'setRole', communityId: c, openid: MOD, role: 'moderator' }, OWNER);
});
afterAll(async () => {
  await rt?.stop();
});

/** What the console actions could change: the member, their ledger, the audit log. */
const snapshot = async () => ({
  member: await rt.ok('community', { action: 'member', communityId: c, openid: MEI }, OWNER),
  audit: await rt.ok('community', { action: 'audit', communityId: c, limit: 100 }, OWNER),
});

describe("the owner's console over HTTP", () => {
  it('finds a member by name, adjusts with a reason, bans and unbans them, and the audit log tells it', async () => {
    const found = await rt.ok('community', { action: 'members', communityId: c, q: '小' }, MOD);
    expect(found.members).toMatchObject([{ openid: MEI, nickname: '小美', tier: '铜', banned: false }]);
    await rt.ok(
      'points',
      { action: 'adjust', communityId: c, openid: MEI, delta: 50, reason: '线下分享', requestId: 'console-http-01' },
      MOD,
    );
    await rt.ok('community', { action: 'ban', communityId: c, openid: MEI, banned: true, reason: '发广告' }, OWNER);
    const refused = await rt.call('checkin', { action: 'checkin', communityId: c }, as(MEI, '2026-06-02T02:00:00Z'));
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await rt.ok('points', { action: 'me', communityId: c }, MEI)).toMatchObject({ balance: 50 });
    await rt.ok('community', { action: 'ban', communityId: c, openid: MEI, banned: false, reason: '误封' }, OWNER);
    expect((await rt.call('checkin', { action: 'checkin', communityId: c }, as(MEI, '2026-06-02T02:00:00Z'))).body.ok).toBe(true);

    const { member, entries } = await rt.ok('community', { action: 'member', communityId: c, openid: MEI }, MOD);
    expect(member).toMatchObject({ balance: 55, banned: false, streak: expect.any(Number) });
    expect(entries.map((e: { reason: string }) => e.reason)).toEqual(['每日签到', '线下分享']);
    const { events } = await rt.ok('community', { action: 'audit', communityId: c }, OWNER);
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'community.ban',
      'community.ban',
      'points.adjust',
      'community.setRole',
    ]);
    expect((await rt.call('community', { action: 'audit', communityId: c }, as(MOD))).body.error.code).toBe('FORBIDDEN');
    expect(
      (await rt.call('community', { action: 'ban', communityId: c, openid: MEI, banned: true, reason: 'x' }, as(MOD))).body.error.code,
    ).toBe('FORBIDDEN');

    const profile = await rt.ok('community', { action: 'updateProfile', communityId: c, nickname: '小美妈妈', birthday: '05-20' }, MEI);
    expect(profile.member).toMatchObject({ nickname: '小美妈妈', birthday: '05-20' });
    expect((await rt.call('community', { action: 'updateProfile', communityId: c, birthday: '05-21' }, as(MEI))).body.error.code).toBe(
      'FORBIDDEN',
    );
  });

  it('rolls up the health numbers on the timer, shows them to staff, and exports a CSV anyone with the link downloads for an hour', async () => {
    const now = new Date(Date.now() + 10 * 60_000).toISOString();
    const run = await rt.call('jobs', { action: 'rollupStats' }, { 'X-Dev-Source': 'wx_trigger', 'X-Dev-Now': now });
    expect(run.body).toMatchObject({ ok: true, data: { more: false } });
    const overview = await rt.ok('stats', { action: 'overview', communityId: c, days: 30 }, MOD, { 'X-Dev-Now': now });
    expect(overview.totals).toMatchObject({ members: 3, pointsIssued: expect.any(Number) });
    expect(overview.days).toHaveLength(30);
    const { segments } = await rt.ok('stats', { action: 'segments', communityId: c }, OWNER, { 'X-Dev-Now': now });
    expect(segments.map((s: { members: number }) => s.members).reduce((a: number, b: number) => a + b, 0)).toBe(3);

    const exported = await rt.ok('stats', { action: 'export', communityId: c, kind: 'members' }, OWNER);
    expect(exported).toMatchObject({ rows: 3, fileName: expect.stringMatching(/成员.*\.csv$/) });
    const file = await fetch(`${rt.url}${exported.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(exported.fileName)}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    // UTF-8's byte-order mark: what makes Excel read it as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('小美妈妈');
    expect((await fetch(`${rt.url}/downloads/1700000000000-${'0'.repeat(24)}.csv`)).status).toBe(404);
    expect((await fetch(`${rt.url}/downloads/..%2Fcommunity-points.sqlite`)).status).toBe(404);
    expect((await rt.call('stats', { action: 'export', communityId: c, kind: 'members' }, as(MOD))).body.error.code).toBe('FORBIDDEN');
    expect((await rt.call('stats', { action: 'overview', communityId: c, days: 7 }, as(MEI))).body.error.code).toBe('FORBIDDEN');
  });

  it('answers junk to every console action with a clear error and changes nothing', async () => {
    const before = await snapshot();
    const junkValues = [null, 1.5, '', ' ', 'x'.repeat(5000), true, [], { $gt: '' }];
    const cases: Array<[string, Record<string, unknown>]> = [];
    for (const value of junkValues) {
      cases.push([OWNER, { action: 'members', communityId: c, q: value }]);
      cases.push([OWNER, { action: 'member', communityId: c, openid: value }]);
      cases.push([OWNER, { action: 'ban', communityId: c, openid: value, banned: true, reason: '原因' }]);
      // true is no junk for a boolean.
      if (value !== true) cases.push([OWNER, { action: 'ban', communityId: c, openid: MEI, banned: value, reason: '原因' }]);
      cases.push([OWNER, { action: 'ban', communityId: c, openid: MEI, banned: true, reason: value }]);
      cases.push([MEI, { action: 'updateProfile', communityId: c, nickname: value }]);
      cases.push([MEI, { action: 'updateProfile', communityId: c, avatar: value }]);
      cases.push([MEI, { action: 'updateProfile', communityId: c, birthday: value }]);
      if (value !== true) cases.push([MEI, { action: 'updateProfile', communityId: c, hideFromLeaderboard: value }]);
      cases.push([OWNER, { action: 'audit', communityId: c, limit: value }]);
      cases.push([OWNER, { action: 'audit', communityId: c, cursor: value }]);
      cases.push([OWNER, { action: 'members', communityId: c, role: value }]);
      cases.push([OWNER, { action: 'members', communityId: c, tier: value }]);
      cases.push([OWNER, { action: 'members', communityId: c, segment: value }]);
      cases.push([OWNER, { action: 'members', communityId: c, sort: value }]);
    }
    const statsCases: Array<Record<string, unknown>> = [];
    for (const value of [...junkValues, 14, '7']) {
      statsCases.push({ action: 'overview', communityId: c, days: value });
      statsCases.push({ action: 'export', communityId: c, kind: value });
      statsCases.push({ action: 'segments', communityId: value });
    }
    for (const body of statsCases) {
      const reply = await rt.call('stats', body, as(OWNER));
      expect([reply.status, reply.body.ok]).toEqual([200, false]);
      expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(reply.body.error.code);
    }
    const accepted: string[] = [];
    for (const [caller, body] of cases) {
      const reply = await rt.call('community', body, as(caller));
      expect(reply.status).toBe(200);
      if (reply.body.ok) accepted.push(JSON.stringify(body));
      else {
        expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(reply.body.error.code);
        expect(reply.body.error.message.length).toBeGreaterThan(0);
      }
    }
    // Only reads accept a loose value: a blank search lists everyone, an unknown cursor reads an empty page.
    for (const body of accepted) expect(['members', 'audit']).toContain(JSON.parse(body).action);
    expect(await snapshot()).toEqual(before);
  });
});
