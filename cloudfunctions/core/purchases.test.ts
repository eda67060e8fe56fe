import { memberCodeOf, memberCodeProblem, parseMemberCode, purchasePoints } from './purchases';

const rule = { enabled: true, pointsPerYuan: 1, dailyCap: 1000 };

describe('purchases', () => {
  it('pays whole points per yuan times the tier, within the daily cap', () => {
    expect(purchasePoints(12_345, rule, 1, null, '2026-06-01')).toEqual({ points: 123, capped: false });
    expect(purchasePoints(12_345, rule, 1.5, null, '2026-06-01')).toEqual({ points: 184, capped: false });
    expect(purchasePoints(12_345, { ...rule, pointsPerYuan: 0.1 }, 1, null, '2026-06-01')).toEqual({ points: 12, capped: false });
    expect(purchasePoints(50_000, rule, 1, { day: '2026-06-01', points: 800 }, '2026-06-01')).toEqual({ points: 200, capped: true });
    expect(purchasePoints(50_000, rule, 1, { day: '2026-05-31', points: 1000 }, '2026-06-01')).toEqual({ points: 500, capped: false });
    expect(purchasePoints(10_000, rule, 1, { day: '2026-06-01', points: 1000 }, '2026-06-01')).toEqual({ points: 0, capped: true });
    // 0.1 × 100 is 10, not 9.999…
    expect(purchasePoints(10_000, { ...rule, pointsPerYuan: 0.1 }, 1, null, '2026-06-01').points).toBe(10);
  });

  it('reads a code back, and says why a held code cannot be used', () => {
    const code = memberCodeOf('c1', 'o_alice', 'abcdefgh1234');
    expect(parseMemberCode(code)).toEqual({ communityId: 'c1', openid: 'o_alice', secret: 'abcdefgh1234' });
    for (const junk of ['', 'c1.o_alice', 'c1.o_alice.short', 'c1.o alice.abcdefgh1234', `${'x'.repeat(65)}.o.abcdefgh1234`])
      expect(parseMemberCode(junk)).toBeNull();
    const now = new Date('2026-06-01T00:00:00Z');
    const held = { secret: 'abcdefgh1234', expiresAt: '2026-06-01T00:02:00Z', usedAt: null };
    expect(memberCodeProblem(held, 'abcdefgh1234', now)).toBeNull();
    expect(memberCodeProblem(held, 'otherotherot', now)).toContain('无效');
    expect(memberCodeProblem({ ...held, usedAt: '2026-06-01T00:00:30Z' }, 'abcdefgh1234', now)).toContain('已用过');
    expect(memberCodeProblem(held, 'abcdefgh1234', new Date('2026-06-01T00:02:00Z'))).toContain('已过期');
    expect(memberCodeProblem(undefined, 'abcdefgh1234', now)).toContain('无效');
  });
});
