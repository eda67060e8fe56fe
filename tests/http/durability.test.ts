import { STORIES } from '../../cloudfunctions/core/testing/stories';
import { startRuntime, type Runtime } from '../support/runtime';

describe('the local runtime keeps what it acknowledged', () => {
  it('shuts down cleanly on SIGTERM and loses nothing', async () => {
    const rt = await startRuntime();
    const { community } = await rt.ok('community', { action: 'create', name: '关机测试' }, 'd_owner');
    expect(await rt.stop('SIGTERM')).toBe(0);
    const again = await startRuntime({ dataDir: rt.dataDir });
    expect((await again.ok('community', { action: 'get', communityId: community.id }, 'd_owner')).role).toBe('owner');
    await again.stop();
  });

  it('loses no committed write on kill -9', async () => {
    const rt = await startRuntime();
    const { community } = await rt.ok('community', { action: 'create', name: '断电测试' }, 'd_owner');
    await rt.ok('community', { action: 'join', communityId: community.id }, 'd_member');
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const requestId = `kill9-${w}-${i}-xxxx`;
        const reply = await rt
          .call(
            'points',
            { action: 'adjust', communityId: community.id, openid: 'd_member', delta: 1, reason: '压测', requestId },
            { 'X-Dev-Openid': 'd_owner' },
          )
          .catch(() => null);
        if (reply?.body.ok) acknowledged.push(requestId);
        else break;
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    rt.process.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);

    const again = await startRuntime({ dataDir: rt.dataDir });
    const me = await again.ok('points', { action: 'me', communityId: community.id }, 'd_member');
    // Every acknowledged adjustment is there; at most the in-flight ones beyond it.
    expect(me.balance).toBeGreaterThanOrEqual(acknowledged.length);
    expect(me.balance).toBeLessThanOrEqual(acknowledged.length + 4);
    const replay = await again.call(
      'points',
      { action: 'adjust', communityId: community.id, openid: 'd_member', delta: 1, reason: '压测', requestId: acknowledged[0] },
      { 'X-Dev-Openid': 'd_owner' },
    );
    expect(replay.body.ok).toBe(true);
    expect((await again.ok('points', { action: 'me', communityId: community.id }, 'd_member')).balance).toBe(me.balance);
    await again.stop();
  });

  it('keeps every acknowledged redemption, draw, approval and adjust across kill -9 under mixed load; replays give the first answers', async () => {
    const rt = await startRuntime();
    const owner = { 'X-Dev-Openid': 'd_owner' };
    const { community } = await rt.ok('community', { action: 'create', name: '混合断电' }, 'd_owner');
    const c = community.id as string;
    for (const m of ['d_redeemer', 'd_drawer', 'd_author']) {
      await rt.ok('community', { action: 'join', communityId: c }, m);
      await rt.ok(
        'points',
        { action: 'adjust', communityId: c, openid: m, delta: 100_000, reason: '备用', requestId: `seed-${m}` },
        'd_owner',
      );
    }
    const { item } = await rt.ok(
      'mall',
      { action: 'upsertItem', communityId: c, item: { name: '服务', kind: 'service', pointsPrice: 1, stock: 10_000 } },
      'd_owner',
    );
    const { draw } = await rt.ok(
      'mall',
      {
        action: 'upsertDraw',
        communityId: c,
        draw: { name: '转盘', costPoints: 1, prizes: [{ name: '小礼', weight: 5000, stock: 5000, kind: 'service' }] },
      },
      'd_owner',
    );
    const posts: string[] = [];
    for (let i = 0; i < 150; i++)
      posts.push(
        (await rt.ok('posts', { action: 'create', communityId: c, body: `${STORIES[i % STORIES.length]}（第 ${i} 篇）` }, 'd_author')).post
          .id,
      );

    type Acked = { fn: string; body: Record<string, unknown>; headers: Record<string, string>; reply: unknown };
    const acked: Acked[] = [];
    let stop = false;
    const writer = (make: (i: number) => Omit<Acked, 'reply'> | null) => async () => {
      for (let i = 0; !stop; i++) {
        const request = make(i);
        if (!request) return;
        const reply = await rt.call(request.fn, request.body, request.headers).catch(() => null);
        if (!reply?.body.ok) return;
        acked.push({ ...request, reply: reply.body });
      }
    };
    const writers = [
      writer((i) => ({
        fn: 'points',
        body: { action: 'adjust', communityId: c, openid: 'd_redeemer', delta: 1, reason: '压测', requestId: `mix-adj-${i}` },
        headers: owner,
      })),
      writer((i) => ({
        fn: 'mall',
        body: { action: 'redeem', communityId: c, itemId: item.id, requestId: `mix-red-${i}` },
        headers: { 'X-Dev-Openid': 'd_redeemer' },
      })),
      writer((i) => ({
        fn: 'mall',
        body: { action: 'draw', communityId: c, drawId: draw.id, requestId: `mix-drw-${i}` },
        headers: { 'X-Dev-Openid': 'd_drawer' },
      })),
      writer((i) =>
        i < posts.length
          ? { fn: 'posts', body: { action: 'review', communityId: c, postId: posts[i], decision: 'approve' }, headers: owner }
          : null,
      ),
    ].map((run) => run());
    await new Promise((r) => setTimeout(r, 1500));
    rt.process.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const count = (action: string) => acked.filter((a) => a.body.action === action).length;
    for (const action of ['adjust', 'redeem', 'draw', 'review']) expect([action, count(action) > 5]).toEqual([action, true]);

    const again: Runtime = await startRuntime({ dataDir: rt.dataDir });
    for (const request of acked) {
      const replay = await again.call(request.fn, request.body, request.headers);
      // A replayed request gets its first answer; a review has no requestId, and answers that it was done.
      if (request.body.action === 'review') expect(replay.body).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
      else expect(replay.body).toEqual(request.reply);
    }
    const entries: Array<{ delta: number; kind: string; balanceAfter: number }> = [];
    for (let cursor: string | null = null; ;) {
      const page: { entries: typeof entries; nextCursor: string | null } = await again.ok(
        'points',
        { action: 'ledger', communityId: c, limit: 100, cursor },
        'd_redeemer',
      );
      entries.push(...page.entries);
      if (!(cursor = page.nextCursor)) break;
    }
    const me = await again.ok('points', { action: 'me', communityId: c }, 'd_redeemer');
    expect(entries.reduce((sum, e) => sum + e.delta, 0)).toBe(me.balance);
    expect(entries[0].balanceAfter).toBe(me.balance);
    const spends = entries.filter((e) => e.kind === 'spend').length;
    expect(spends).toBeGreaterThanOrEqual(count('redeem'));
    expect(spends).toBeLessThanOrEqual(count('redeem') + 1);
    const { items } = await again.ok('mall', { action: 'items', communityId: c }, 'd_redeemer');
    expect(items.find((i: { id: string }) => i.id === item.id).stock).toBe(10_000 - spends);
    await again.stop();
  });
});
