import { localPlatform } from '../../platform/local/platform';
import type { OutsideMessage } from '../../platform/ports';
import {
  communityWithMembers,
  eachStore,
  openStore,
  sqliteHarness,
  STORE_KINDS,
  type Harness,
  type StoreKind,
} from '../../testing/harness';

/** API v3 "Reach": bulk awards and broadcasts, carried in pages, each member once. */
const NOW = '2026-03-02T02:00:00Z';
const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const owner = (now = NOW) => ({ openid: 'o_owner', now });
const trigger = (now: string) => ({ openid: null, source: 'wx_trigger', now });

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: NOW });
    await h.ok('community', 'ban', { communityId: c, openid: 'o_carol', banned: true, reason: '刷分' }, owner());
  });
  const balance = async (openid: string) => (await h.ok('points', 'me', { communityId: c }, { openid, now: later(1) })).balance;

  it('credits each listed member once, skips non-members and banned members with why, and a replay changes nothing', async () => {
    const award = () =>
      h.ok(
        'points',
        'bulkAward',
        {
          communityId: c,
          openids: ['o_alice', 'o_bob', 'o_bob', 'o_stranger', 'o_carol'],
          delta: 20,
          reason: '三月活动奖励',
          requestId: 'bulk-000001',
        },
        owner(),
      );
    const [first, racing] = await Promise.all([award(), award()]);
    expect(first.batch).toMatchObject({ kind: 'award', status: 'done', total: 4, credited: 2 });
    expect(first.batch.skipped).toEqual(
      expect.arrayContaining([
        { openid: 'o_stranger', reason: '不是社群成员' },
        { openid: 'o_carol', reason: '已被暂停参与' },
      ]),
    );
    expect(racing.batch.id).toBe(first.batch.id);
    expect((await award()).batch).toEqual(first.batch);
    expect([await balance('o_alice'), await balance('o_bob')]).toEqual([20, 20]);
    const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_alice', now: later(1) });
    expect(notices.filter((n) => n.kind === 'points_adjusted')).toHaveLength(1);
    const { events } = await h.ok('community', 'audit', { communityId: c }, owner(later(1)));
    expect(events.filter((e) => e.action === 'points.bulkAward')).toHaveLength(1);
    expect(await h.ok('points', 'batch', { communityId: c, batchId: first.batch.id }, owner(later(2)))).toEqual({ batch: first.batch });
  });

  it("refuses anyone but the owner, bad input, and another community's batch, changing nothing", async () => {
    expect(
      await h.call(
        'points',
        'bulkAward',
        { communityId: c, delta: 5, reason: '奖励', requestId: 'bulk-000002' },
        { openid: 'o_alice', now: NOW },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const bad of [
      { delta: 0, reason: '奖励' },
      { delta: 10_001, reason: '奖励' },
      { delta: 5, reason: '' },
      { delta: 5, reason: '奖励', openids: [] },
      { delta: 5, reason: '奖励', openids: Array.from({ length: 10_001 }, (_, i) => `o_${i}`) },
      { delta: 5, reason: '奖励', openids: ['o_alice'], segment: 'core' },
      { delta: 5, reason: '奖励', segment: 'vip' },
      { delta: '5', reason: '奖励' },
    ]) {
      expect(await h.call('points', 'bulkAward', { communityId: c, requestId: 'bulk-000003', ...bad }, owner())).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await balance('o_alice')).toBe(0);
    expect(await h.call('points', 'batch', { communityId: c, batchId: 'nope' }, owner())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('broadcasts to everyone (or a segment) once each, at most 3 a day even racing; the next day again', async () => {
    const send = (n: number, now = NOW, segment?: string) =>
      h.call(
        'notices',
        'broadcast',
        {
          communityId: c,
          title: `公告 ${n}`,
          body: '本周六线下活动，欢迎报名',
          requestId: `cast-00000${n}`,
          ...(segment ? { segment } : {}),
        },
        owner(now),
      );
    const sent = await Promise.all([1, 2, 3, 4, 5].map((n) => send(n)));
    expect(sent.filter((r) => r.ok)).toHaveLength(3);
    expect(sent.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['LIMIT_REACHED', 'LIMIT_REACHED']);
    const ok = sent.find((r) => r.ok);
    // Owner, alice and bob are told; carol is banned.
    expect(ok?.ok && ok.data.batch).toMatchObject({
      kind: 'broadcast',
      status: 'done',
      total: 4,
      credited: 3,
      skipped: [{ openid: 'o_carol', reason: '已被暂停参与' }],
    });
    const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_bob', now: later(1) });
    expect(notices.filter((n) => n.kind === 'broadcast')).toHaveLength(3);
    expect(await send(6, '2026-03-02T16:30:00Z', 'new')).toMatchObject({ ok: true, data: { batch: { status: 'done' } } });
    expect(
      await h.call(
        'notices',
        'broadcast',
        { communityId: c, title: '公告', body: '内容', requestId: 'cast-000007' },
        { openid: 'o_alice', now: NOW },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a broadcast reaches a member as a WeChat message only while an accepted announcement is left, once each however it is retried', async () => {
    const sent: OutsideMessage[] = [];
    h = open({ ...localPlatform(), messages: { send: async (message) => void sent.push(message) } });
    c = await communityWithMembers(h);
    for (let i = 0; i < 2; i++)
      await h.ok('notices', 'subscribe', { communityId: c, kind: 'announcement' }, { openid: 'o_alice', now: NOW });
    expect(await h.ok('notices', 'subscriptions', { communityId: c }, { openid: 'o_alice', now: NOW })).toMatchObject({
      announcement: { left: 2 },
    });
    const cast = (n: number) =>
      h.ok('notices', 'broadcast', { communityId: c, title: `公告 ${n}`, body: '周六见', requestId: `cast-msg-0${n}` }, owner(later(n)));
    await Promise.all([cast(1), cast(1)]);
    await cast(2);
    await cast(3);
    expect(sent.filter((m) => m.purpose === 'announcement').map((m) => [m.openid, m.subject])).toEqual([
      ['o_alice', '公告 1'],
      ['o_alice', '公告 2'],
    ]);
    expect(await h.ok('notices', 'subscriptions', { communityId: c }, { openid: 'o_alice', now: later(4) })).toMatchObject({
      announcement: { left: 0 },
    });
    const { notices } = await h.ok('notices', 'list', { communityId: c }, { openid: 'o_bob', now: later(4) });
    expect(notices.filter((n) => n.kind === 'broadcast')).toHaveLength(3);
    expect(
      await h.call('notices', 'subscribe', { communityId: c, kind: 'checkin_reminder' }, { openid: 'o_alice', now: NOW }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

/** A harness on `kind` whose call clock runs out after a page, while the job gets the time it needs. */
const timedHarness = (kind: StoreKind, clock: () => number) =>
  sqliteHarness(openStore(kind), localPlatform(), { clock, jobBudgetMs: 10_000 });

describe.each(STORE_KINDS)('carried by the job on %s', (kind) => {
  it('a batch too big for its call is carried on by the job, page by page, every member once, even with racing runs', async () => {
    let now = 0;
    // The call's clock runs out after a page; the job gets the time it needs.
    const h = timedHarness(kind, () => (now += 700));
    const c = await communityWithMembers(h);
    const members = Array.from({ length: 130 }, (_, i) => `o_m${String(i).padStart(3, '0')}`);
    for (const openid of members) await h.ok('community', 'join', { communityId: c }, { openid, now: NOW });
    const { batch } = await h.ok(
      'points',
      'bulkAward',
      { communityId: c, openids: members, delta: 7, reason: '周年庆', requestId: 'bulk-big-01' },
      owner(),
    );
    expect(batch.status).toBe('running');
    expect(batch.credited).toBeLessThan(130);
    for (let minute = 1; minute < 20; minute++) {
      await Promise.all([1, 2].map(() => h.ok('jobs', 'runBatches', {}, trigger(later(minute)))));
      if ((await h.ok('points', 'batch', { communityId: c, batchId: batch.id }, owner(later(minute)))).batch.status === 'done') break;
    }
    expect((await h.ok('points', 'batch', { communityId: c, batchId: batch.id }, owner(later(30)))).batch).toMatchObject({
      status: 'done',
      total: 130,
      credited: 130,
      skipped: [],
    });
    for (const openid of members.slice(0, 5).concat(members.slice(-5))) {
      expect((await h.ok('points', 'me', { communityId: c }, { openid, now: later(31) })).balance).toBe(7);
    }
    expect(await h.ok('jobs', 'runBatches', {}, trigger(later(32)))).toEqual({ advanced: 0, more: false });
  });

  it("a segment's batch keeps the segment of the day of the call, though the job carries it past midnight", async () => {
    let now = 0;
    const h = timedHarness(kind, () => (now += 700));
    const c = await communityWithMembers(h, '2026-01-01T02:00:00Z');
    // Newcomers (新人: joined in the last 14 days) on the day of the call, thirteen days after they joined.
    const members = Array.from({ length: 120 }, (_, i) => `o_n${String(i).padStart(3, '0')}`);
    for (const openid of members) await h.ok('community', 'join', { communityId: c }, { openid, now: '2026-02-17T02:00:00Z' });
    const { batch } = await h.ok(
      'points',
      'bulkAward',
      { communityId: c, segment: 'new', delta: 3, reason: '新人礼', requestId: 'bulk-new-01' },
      owner('2026-03-02T02:00:00Z'),
    );
    expect(batch.status).toBe('running');
    // Two days later they are newcomers no more; the batch still pays every one of them.
    for (let minute = 0; minute < 20; minute++)
      await h.ok('jobs', 'runBatches', {}, trigger(`2026-03-04T02:${String(minute).padStart(2, '0')}:00Z`));
    expect((await h.ok('points', 'batch', { communityId: c, batchId: batch.id }, owner('2026-03-04T03:00:00Z'))).batch).toMatchObject({
      status: 'done',
      credited: 120,
    });
  });
});
