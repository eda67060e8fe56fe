import { allLimited } from './calls';

it('runs every task, never more than the limit at once, answers in order, and fails as a task fails', async () => {
  let running = 0;
  let peak = 0;
  const task = (i: number) => async () => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
    running--;
    return i * 2;
  };
  expect(
    await allLimited(
      Array.from({ length: 37 }, (_, i) => task(i)),
      4,
    ),
  ).toEqual(Array.from({ length: 37 }, (_, i) => i * 2));
  expect(peak).toBe(4);
  expect(await allLimited([])).toEqual([]);
  await expect(allLimited([async () => 1, async () => Promise.reject(new Error('down'))])).rejects.toThrow('down');
});
