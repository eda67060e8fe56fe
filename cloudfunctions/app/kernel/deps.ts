import { randomBytes } from 'node:crypto';
import type { Deps } from './context';

/**
 * The one place dependencies are put together (cloud entry, local runtime, tests): what a
 * caller does not give gets its real default.
 */
export function makeDeps(given: Pick<Deps, 'store' | 'platform'> & Partial<Deps>): Deps {
  return {
    newId: () => randomBytes(9).toString('base64url'),
    log: (message, error) => console.error(message, error),
    creators: creatorsFrom(process.env.COMMUNITY_CREATORS),
    ...given,
  };
}

/** COMMUNITY_CREATORS: a comma-separated list of openids who may create communities; unset or empty, anyone may. */
export function creatorsFrom(setting: string | undefined): readonly string[] | null {
  const openids = (setting ?? '')
    .split(',')
    .map((openid) => openid.trim())
    .filter(Boolean);
  return openids.length ? openids : null;
}
