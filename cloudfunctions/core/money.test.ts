import { fenOfYuan, yuan } from './money';

describe('fenOfYuan', () => {
  it('counts fen from the digits typed, never through floating point', () => {
    expect(['99', '99.9', '99.90', '59.9', '0.07', '0.01', '0', '199.99', ' 12 '].map(fenOfYuan)).toEqual([
      9900, 9990, 9990, 5990, 7, 1, 0, 19999, 1200,
    ]);
  });

  it('is null for what is not yuan with at most two decimals', () => {
    expect(['9.999', 'abc', '', '-1', '1.', '.5', '1e3', '1,000'].map(fenOfYuan)).toEqual(Array(8).fill(null));
  });
});

describe('yuan', () => {
  it('writes fen as yuan with two decimals, the inverse of fenOfYuan', () => {
    expect([4900, 5990, 7, 0, 100_000_000].map(yuan)).toEqual(['49.00', '59.90', '0.07', '0.00', '1000000.00']);
    for (const fen of [1, 99, 12345, 99_999_999]) expect(fenOfYuan(yuan(fen))).toBe(fen);
  });
});
