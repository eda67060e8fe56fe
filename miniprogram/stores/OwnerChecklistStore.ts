import { makeAutoObservable } from 'mobx';
import type { MallStore } from './MallStore';
import type { SessionStore } from './SessionStore';
import type { KeyValueStorage } from './storage';

export type SetupStep = 'bindGroup' | 'stockReward' | 'shareCard';

/**
 * An owner's first minutes in a new community: bind the WeChat group, stock one entry reward,
 * share the card to the group. Each step is done when the community says so (a bound group, a
 * reward on sale), or — sharing, which WeChat does not report — when the owner has shared from
 * here; the list is empty, and home shows nothing, once all are done.
 */
export class OwnerChecklistStore {
  constructor(
    private readonly session: SessionStore,
    private readonly mall: MallStore,
    private readonly storage: KeyValueStorage,
  ) {
    makeAutoObservable<OwnerChecklistStore, 'session' | 'mall' | 'storage'>(this, { session: false, mall: false, storage: false });
  }

  /** The steps still to do, in order; empty for anyone but the owner. */
  get open(): SetupStep[] {
    const community = this.session.community;
    if (!community || this.session.role !== 'owner') return [];
    const done: Record<SetupStep, boolean> = {
      bindGroup: community.groupsBound > 0 || this.session.groupBound,
      stockReward: this.mall.items.some((item) => item.status === 'open' || item.status === 'upcoming'),
      shareCard: this.storage.get(this.sharedKey(community.id)) === '1' || this.sharedNow === community.id,
    };
    return (['bindGroup', 'stockReward', 'shareCard'] as const).filter((step) => !done[step]);
  }

  /** The owner shared the community's card (WeChat's share button on home). */
  markShared(): void {
    const id = this.session.communityId;
    if (!id) return;
    this.storage.set(this.sharedKey(id), '1');
    this.sharedNow = id;
  }

  /** Observable echo of the storage write, so the step disappears at once. */
  sharedNow: string | null = null;

  private sharedKey(communityId: string): string {
    return `shared:${communityId}`;
  }
}
