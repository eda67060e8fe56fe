import type { Harness } from '../../cloudfunctions/testing/harness';
import { unwrap, type Gateway } from '../gateway/gateway';

/**
 * A store test's Gateway: `openid` calling the harness's cloud functions at `now` (a value, or read
 * at each call). `lose` drops the answer of the first `times` calls of `action` after the server
 * did the work — the lost answer a retry must not turn into a second effect.
 */
export function gatewayFor(h: Harness, openid: string, now: string | (() => string), lose?: { action: string; times: number }): Gateway {
  return {
    call: async (fn, action, params) => {
      const envelope = await h.call(fn, action, params as Record<string, unknown>, {
        openid,
        now: typeof now === 'function' ? now() : now,
      });
      if (lose?.action === action && lose.times-- > 0) throw new Error('network lost the answer');
      return unwrap(envelope) as never;
    },
  };
}
