import { startRuntime } from '../support/runtime';

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
          .call('points', { action: 'adjust', communityId: community.id, openid: 'd_member', delta: 1, reason: '压测', requestId }, { 'X-Dev-Openid': 'd_owner' })
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
});
