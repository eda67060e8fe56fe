import { creditUnderCap } from './caps';

describe('daily caps', () => {
  it('credits until the cap, then still lets the action happen for nothing', () => {
    let counts = {};
    const credited: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const result = creditUnderCap(counts, 'like', 3);
      credited.push(result.credited);
      counts = result.counts;
    }
    expect(credited).toEqual([true, true, true, false]);
    expect(counts).toEqual({ like: 3 });
  });
});
