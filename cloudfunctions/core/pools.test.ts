import fc from 'fast-check';
import { DomainError } from './errors';
import { contribute, poolDeadline, poolStatus, type PoolState } from './pools';

const NOW = new Date('2026-06-01T04:00:00Z');
const pool = (over: Partial<PoolState> = {}): PoolState => ({
  kind: 'pooled',
  goalPoints: 1000,
  raised: 0,
  status: 'open',
  endsAt: '2026-06-08T04:00:00.000Z',
  ...over,
});
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.message] : error;
  }
  return null;
};

describe('pools', () => {
  it('an open pool past its end has failed (众筹) or ended (捐赠) before any job settles it', () => {
    const late = new Date('2026-06-08T04:00:00Z');
    expect([poolStatus(pool(), NOW), poolStatus(pool(), late), poolStatus(pool({ kind: 'donation' }), late)]).toEqual([
      'open',
      'failed',
      'ended',
    ]);
    expect(poolStatus(pool({ status: 'funded' }), late)).toBe('funded');
    expect(poolDeadline(NOW, 7)).toBe('2026-06-08T04:00:00.000Z');
  });

  it('takes points up to the goal, counts a backer once, and says when it is funded', () => {
    expect(contribute(pool({ raised: 400 }), 100, NOW, true)).toEqual({ raised: 500, funded: false, backersAdded: 1 });
    expect(contribute(pool({ raised: 900 }), 100, NOW, false)).toEqual({ raised: 1000, funded: true, backersAdded: 0 });
    expect(refusal(() => contribute(pool({ raised: 900 }), 101, NOW, true))).toEqual([
      'LIMIT_REACHED',
      '只差 100 积分就凑齐了，最多投 100 积分',
    ]);
    expect(refusal(() => contribute(pool({ status: 'funded', raised: 1000 }), 1, NOW, true))).toEqual([
      'FORBIDDEN',
      '已经凑齐了，谢谢你的心意',
    ]);
    expect(refusal(() => contribute(pool(), 1, new Date('2026-06-09T00:00:00Z'), true))).toEqual(['FORBIDDEN', '这个众筹已经结束']);
    expect(refusal(() => contribute(pool({ kind: 'donation' }), 1, new Date('2026-06-09T00:00:00Z'), true))).toEqual([
      'FORBIDDEN',
      '这个捐赠已经结束',
    ]);
  });

  it('whatever the contributions, in whatever order, a pool never raises past its goal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 30 }), (goal, amounts) => {
        let state = pool({ goalPoints: goal });
        let accepted = 0;
        for (const points of amounts) {
          try {
            const after = contribute(state, points, NOW, true);
            state = { ...state, raised: after.raised, status: after.funded ? 'funded' : 'open' };
            accepted += points;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        return state.raised === accepted && state.raised <= goal && (state.status === 'funded') === (state.raised === goal);
      }),
    );
  });
});
