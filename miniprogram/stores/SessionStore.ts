import { makeAutoObservable, runInAction } from 'mobx';
import type { Community, Role } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';
import type { KeyValueStorage } from './storage';

const COMMUNITY_KEY = 'communityId';

/** Which community the app is showing, and the caller's place in it. */
export class SessionStore {
  communityId: string | null;
  community: Community | null = null;
  role: Role | null = null;
  /** The invite code of the link the app was opened from, used when joining. */
  inviteCode: string | null = null;
  loading = false;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly storage: KeyValueStorage,
    defaultCommunityId: string | null,
  ) {
    this.communityId = storage.get(COMMUNITY_KEY) || defaultCommunityId;
    makeAutoObservable<SessionStore, 'gateway' | 'storage'>(this, { gateway: false, storage: false });
  }

  get isMember(): boolean {
    return this.role !== null;
  }

  get isStaff(): boolean {
    return this.role === 'owner' || this.role === 'moderator';
  }

  /** Opened from a link: remember the community the link points at, and who invited. */
  useCommunity(communityId: string, inviteCode?: string): void {
    if (inviteCode) this.inviteCode = inviteCode;
    if (communityId === this.communityId) return;
    this.communityId = communityId;
    this.community = null;
    this.role = null;
    this.storage.set(COMMUNITY_KEY, communityId);
  }

  async load(): Promise<void> {
    if (!this.communityId) return;
    this.loading = true;
    try {
      const { community, role } = await this.gateway.call('community', 'get', { communityId: this.communityId });
      runInAction(() => {
        this.community = community;
        this.role = role;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    } finally {
      runInAction(() => (this.loading = false));
    }
  }

  async join(nickname?: string): Promise<boolean> {
    if (!this.communityId) return false;
    try {
      await this.gateway.call('community', 'join', { communityId: this.communityId, nickname, inviteCode: this.inviteCode ?? undefined });
      await this.load();
      return this.isMember;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return false;
    }
  }
}
