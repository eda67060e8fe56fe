import { sqliteHarness } from '../app/testing/harness';
import { DEMO_COMMUNITY_ID, seedDemo } from './seed';

describe('demo seed', () => {
  it('seeds once, with a ledger whose balances read true newest-first', async () => {
    const h = sqliteHarness();
    const deps = { store: h.store, newId: () => 'unused', log: () => undefined, platform: h.platform };
    const now = new Date('2026-11-23T10:50:00Z');
    expect(await seedDemo(deps, now)).toBe(true);
    expect(await seedDemo(deps, now)).toBe(false);
    const { entries } = await h.ok('points', 'ledger', { communityId: DEMO_COMMUNITY_ID, limit: 100 }, { openid: 'demo_xiaomei', now: now.toISOString() });
    for (let i = 0; i + 1 < entries.length; i++) {
      expect(entries[i].balanceAfter - entries[i].delta).toBe(entries[i + 1].balanceAfter);
      expect(entries[i].createdAt >= entries[i + 1].createdAt).toBe(true);
    }
    const me = await h.ok('points', 'me', { communityId: DEMO_COMMUNITY_ID }, { openid: 'demo_xiaomei', now: now.toISOString() });
    expect(me).toMatchObject({ streak: 6, checkedInToday: false, nextBonusIn: 0 });
  });
});
