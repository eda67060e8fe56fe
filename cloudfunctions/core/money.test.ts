import { fenOfYuan } from './money';

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
