import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../cloudfunctions/contract/api';
import type { Gateway } from './gateway';

/** There is no community yet (the app was opened without one): nothing to ask the server. */
export class NoCommunity extends Error {
  constructor() {
    super('no community chosen');
    this.name = 'NoCommunity';
  }
}

/** An action's parameters without the community, which the gateway adds. */
/** An input without its communityId; each variant of a union input on its own (a plain Omit would keep only their common fields). */
type WithoutCommunity<I> = I extends unknown ? Omit<I, 'communityId'> : never;
export type InCommunity<F extends FunctionName, A extends ActionName<F>> = WithoutCommunity<ActionInput<F, A>>;

/**
 * The Gateway bound to the community the app is in: stores call actions without repeating
 * communityId. A call first waits until the app has decided where it opens (`ready`: the
 * tapped group's community, a link's, the last used or my most recent), and none goes out
 * without a community (it fails with NoCommunity, which Request.run treats as nothing to do).
 */
export class CommunityGateway {
  constructor(
    private readonly gateway: Gateway,
    private readonly current: () => string | null,
    private readonly ready: () => Promise<void> = async () => undefined,
  ) {}

  get communityId(): string | null {
    return this.current();
  }

  /** The gateway itself, for the few actions that are not about one community (create, mine, byGroup). */
  get raw(): Gateway {
    return this.gateway;
  }

  async call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, params: InCommunity<F, A>): Promise<ActionOutput<F, A>> {
    await this.ready();
    const communityId = this.current();
    if (!communityId) throw new NoCommunity();
    return this.gateway.call(fn, action, { ...params, communityId } as ActionInput<F, A>);
  }
}
