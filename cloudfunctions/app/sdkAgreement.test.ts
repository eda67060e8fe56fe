import { sdkStore } from '../store/testing/sdkStore';
import { generate, run } from '../testing/modelCheck';

/**
 * The seeded model check through the real wx-server-sdk (its query and update serialisation,
 * its transaction flow and error shapes), with only the HTTP call answered over the double: the
 * books hold as they do on the double alone, every index declared.
 */
it('keeps the books through the real SDK, seed 13', async () => {
  const { error, outcomes } = await run(() => sdkStore({ indexes: true }).store, generate(13, 400));
  expect(error).toBeNull();
  expect(Object.values(outcomes).some((answers) => answers.ok)).toBe(true);
});
