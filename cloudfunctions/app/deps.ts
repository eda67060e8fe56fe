import { randomBytes } from 'node:crypto';
import type { Deps } from './context';

/**
 * The one place dependencies are put together (cloud entry, local runtime, tests): what a
 * caller does not give gets its real default.
 */
export function makeDeps(given: Pick<Deps, 'store' | 'platform'> & Partial<Deps>): Deps {
  return { newId: () => randomBytes(9).toString('base64url'), log: (message, error) => console.error(message, error), ...given };
}
