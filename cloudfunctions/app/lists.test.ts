import { communityWithMembers, eachStore, type Harness } from '../testing/harness';

/**
 * API.md's list rule, for every list a community grows without bound: cursor, limit (default
 * 20), nextCursor; each row once, none left out however many there are. (The contract's own
 * check, that every `list` action declares the paging, is in contract.typecheck.ts.)
 */
const NOW = '2026-06-01T04:00:00Z';
const LATER = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();
const owner = { openid: 'o_owner', now: NOW };
const MADE = 25;

let h: Harness;
let c: string;

/** Each list, how to grow it by one row, who reads it, and what names a row. */
const LISTS = {
  'pools.list': {
    grow: (i: number) =>
      h.ok('pools', 'upsert', { communityId: c, pool: { name: `捐赠 ${i}`, goalPoints: 100, endsAt: LATER(48) } }, owner),
    read: (page: object) =>
      h
        .ok('pools', 'list', { communityId: c, ...page }, { openid: 'o_alice', now: NOW })
        .then((r) => ({ keys: r.pools.map((p) => p.id), nextCursor: r.nextCursor })),
  },
  'referral.list': {
    grow: async (i: number) => {
      const { inviteCode } = await h.ok('referral', 'invite', { communityId: c }, { openid: 'o_alice', now: NOW });
      await h.ok('community', 'join', { communityId: c, inviteCode, nickname: `新人${i}` }, { openid: `o_new${i}`, now: LATER(i / 60) });
    },
    read: (page: object) =>
      h
        .ok('referral', 'list', { communityId: c, ...page }, { openid: 'o_alice', now: NOW })
        .then((r) => ({ keys: r.referrals.map((x) => x.openid), nextCursor: r.nextCursor })),
  },
  'campaigns.list (staff)': {
    // At most 10 are live at once: each is ended before the next, so the history grows past it.
    grow: async (i: number) => {
      const { campaign } = await h.ok(
        'campaigns',
        'upsert',
        {
          communityId: c,
          campaign: { kind: 'multiplier', name: `双倍 ${i}`, actions: ['checkin'], multiplier: 2, startsAt: LATER(1), endsAt: LATER(24) },
        },
        { ...owner, now: LATER(i / 60) },
      );
      await h.ok('campaigns', 'end', { communityId: c, campaignId: campaign.id }, owner);
    },
    read: (page: object) =>
      h
        .ok('campaigns', 'list', { communityId: c, ...page }, owner)
        .then((r) => ({ keys: r.campaigns.map((x) => x.id), nextCursor: r.nextCursor })),
  },
};

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  describe.each(Object.keys(LISTS) as Array<keyof typeof LISTS>)('%s', (name) => {
    it(`pages through ${MADE} rows: each once, none missing; 20 by default`, async () => {
      const list = LISTS[name];
      for (let i = 0; i < MADE; i++) await list.grow(i);
      const first = await list.read({});
      expect([first.keys.length, typeof first.nextCursor]).toEqual([20, 'string']);
      const seen: string[] = [];
      const sizes: number[] = [];
      for (let cursor: string | null = null, pages = 0; pages < 10; pages++) {
        const page: { keys: string[]; nextCursor: string | null } = await list.read({ limit: 10, cursor });
        seen.push(...page.keys);
        sizes.push(page.keys.length);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(sizes).toEqual([10, 10, 5]);
      expect(new Set(seen).size).toBe(MADE);
      expect(seen.slice(0, 20)).toEqual(first.keys);
    });

    it('refuses a limit outside 1–100 and a cursor that is not one', async () => {
      for (const page of [{ limit: 0 }, { limit: 101 }, { limit: 'ten' }, { cursor: 42 }]) {
        await expect(LISTS[name].read(page)).rejects.toThrow('INVALID_INPUT');
      }
    });
  });
});
