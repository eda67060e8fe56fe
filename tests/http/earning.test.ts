import { startRuntime, type Runtime } from '../support/runtime';

/** #24 over HTTP: the new earning paths answer junk with a clear error and change nothing. */
let rt: Runtime;
let c: string;
const OWNER = 'e_owner';
const MEI = 'e_mei';
const as = (openid: string) => ({ 'X-Dev-Openid': openid });

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '赚积分测试群' }, OWNER)).community.id;
  await rt.ok('community', { action: 'join', communityId: c, nickname: '小美' }, MEI);
  await rt.ok('community', { action: 'updateRules', communityId: c, rules: { purchase: { enabled: true } } }, OWNER);
});
afterAll(async () => {
  await rt?.stop();
});

const balance = async () => (await rt.ok('points', { action: 'me', communityId: c }, MEI)).balance as number;

describe('earning where members act, over HTTP', () => {
  it('refuses junk purchases, pickup codes, comments and event calls, and nothing is credited', async () => {
    const { code } = await rt.ok('points', { action: 'memberCode', communityId: c }, MEI);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['points', { action: 'purchase', communityId: c, code, amountFen: -5, requestId: 'http-buy-01' }, 'INVALID_INPUT'],
      ['points', { action: 'purchase', communityId: c, code, amountFen: 1e12, requestId: 'http-buy-02' }, 'INVALID_INPUT'],
      ['points', { action: 'purchase', communityId: c, code: { $ne: null }, amountFen: 100, requestId: 'http-buy-03' }, 'INVALID_INPUT'],
      [
        'points',
        { action: 'purchase', communityId: c, code: `${c}.${MEI}.${'A'.repeat(12)}`, amountFen: 100, requestId: 'http-buy-04' },
        'INVALID_INPUT',
      ],
      ['points', { action: 'purchase', communityId: c, code, amountFen: 100 }, 'INVALID_INPUT'],
      ['points', { action: 'scanMember', communityId: c, code: '<script>' }, 'INVALID_INPUT'],
      [
        'points',
        { action: 'refundPurchase', communityId: c, entryId: '../../etc', reason: 'x', requestId: 'http-ref-01' },
        'INVALID_INPUT',
      ],
      ['mall', { action: 'verify', communityId: c, pickupCode: "'; DROP TABLE orders; --" }, 'INVALID_INPUT'],
      ['mall', { action: 'verify', communityId: c, pickupCode: 'ZZZZZZZZ' }, 'NOT_FOUND'],
      ['posts', { action: 'comment', communityId: c, postId: 'nope', body: '你好，很有用的分享', requestId: 'http-com-01' }, 'NOT_FOUND'],
      ['posts', { action: 'comment', communityId: c, postId: 'nope', body: ['x'], requestId: 'http-com-02' }, 'INVALID_INPUT'],
      [
        'events',
        { action: 'upsert', communityId: c, event: { title: 'x', startsAt: 'tomorrow', endsAt: 'later', points: 1 } },
        'INVALID_INPUT',
      ],
      ['events', { action: 'signUp', communityId: c, eventId: 'nope', requestId: 'http-sign-01' }, 'NOT_FOUND'],
      ['events', { action: 'attend', communityId: c, eventId: 'nope', code }, 'NOT_FOUND'],
      ['events', { action: 'explode', communityId: c }, 'INVALID_INPUT'],
    ];
    for (const [fn, body, code] of cases) {
      const answer = await rt.call(fn, body, as(fn === 'posts' || (fn === 'events' && body.action === 'signUp') ? MEI : OWNER));
      expect({ fn, body, code: answer.body.error?.code }).toEqual({ fn, body, code });
      expect(answer.body.error.message).toEqual(expect.any(String));
    }
    // The code was never used by any of it: a real purchase still goes through, once.
    expect(
      (await rt.ok('points', { action: 'purchase', communityId: c, code, amountFen: 1_000, requestId: 'http-buy-99' }, OWNER)).points,
    ).toBe(10);
    expect(await balance()).toBe(10);
  });

  it('refuses junk titles, frames and wear choices, and nothing is worn or spent', async () => {
    const item = (extra: Record<string, unknown>) => ({
      action: 'upsertItem',
      communityId: c,
      item: { name: '称号', pointsPrice: 5, stock: 3, kind: 'title', ...extra },
    });
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['mall', item({ wear: { look: '<img src=x onerror=alert(1)>' } }), 'INVALID_INPUT'],
      ['mall', item({ wear: { look: { $gt: '' } } }), 'INVALID_INPUT'],
      ['mall', item({ kind: 'frame', wear: { look: 'url(javascript:1)' } }), 'INVALID_INPUT'],
      ['mall', item({ wear: { look: '元老', days: -1 } }), 'INVALID_INPUT'],
      ['mall', item({ wear: { look: '元老', days: 1e9 } }), 'INVALID_INPUT'],
      ['mall', item({ kind: 'crown', wear: { look: '元老' } }), 'INVALID_INPUT'],
      ['community', { action: 'updateProfile', communityId: c, wear: { title: 'not-mine' } }, 'NOT_FOUND'],
      ['community', { action: 'updateProfile', communityId: c, wear: { title: '../x' } }, 'INVALID_INPUT'],
      ['community', { action: 'updateProfile', communityId: c, wear: { crown: null } }, 'INVALID_INPUT'],
      ['community', { action: 'updateProfile', communityId: c, wear: [] }, 'INVALID_INPUT'],
    ];
    const before = await rt.ok('points', { action: 'me', communityId: c }, MEI);
    for (const [fn, body, code] of cases) {
      const answer = await rt.call(fn, body, as(body.action === 'updateProfile' ? MEI : OWNER));
      expect({ fn, body, code: answer.body.error?.code }).toEqual({ fn, body, code });
    }
    expect((await rt.ok('mall', { action: 'items', communityId: c }, MEI)).items).toEqual([]);
    const after = await rt.ok('points', { action: 'me', communityId: c }, MEI);
    expect([after.balance, after.worn, after.wardrobe]).toEqual([before.balance, { title: null, frame: null }, []]);
  });
});
