import { drawOutcome, prizeTableProblems, ROLL_SPACE, type Prize } from './lottery';

const prize = (id: string, weight: number, stock = 5): Prize => ({ id, name: id, weight, stock, kind: 'physical' });

describe('lottery table', () => {
  it('gives each prize its slice of the roll space in order, and the rest to no prize', () => {
    const table = [prize('big', 100), prize('small', 2000)];
    expect(drawOutcome(table, 0)?.id).toBe('big');
    expect(drawOutcome(table, 99)?.id).toBe('big');
    expect(drawOutcome(table, 100)?.id).toBe('small');
    expect(drawOutcome(table, 2099)?.id).toBe('small');
    expect(drawOutcome(table, 2100)).toBeNull();
    expect(drawOutcome(table, ROLL_SPACE - 1)).toBeNull();
  });

  it('never awards a prize with no stock', () => {
    expect(drawOutcome([prize('big', ROLL_SPACE, 0)], 5)).toBeNull();
  });

  it('matches the table exactly over the whole roll space', () => {
    const table = [prize('a', 1234), prize('b', 4321)];
    const counts: Record<string, number> = {};
    for (let roll = 0; roll < ROLL_SPACE; roll++) {
      const id = drawOutcome(table, roll)?.id ?? 'none';
      counts[id] = (counts[id] ?? 0) + 1;
    }
    expect(counts).toEqual({ a: 1234, b: 4321, none: ROLL_SPACE - 1234 - 4321 });
  });

  it('refuses tables over 100% or with duplicate ids', () => {
    expect(prizeTableProblems([prize('a', 6000), prize('b', 5000)])).toHaveLength(1);
    expect(prizeTableProblems([prize('a', 1), prize('a', 1)])).toHaveLength(1);
    expect(prizeTableProblems([prize('a', 1)])).toEqual([]);
  });
});
