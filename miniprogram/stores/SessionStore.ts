import { makeAutoObservable, runInAction } from 'mobx';
import type { Community, Role } from '../../cloudfunctions/app/api';
import { cloudIdRef } from '../gateway/cloudIdRef';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';
import type { KeyValueStorage } from './storage';
import { isStaff } from '../../cloudfunctions/core/roles';

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

  /** Set when the owner has just bound the group the app was opened from. */
  groupBound = false;

  constructor(
    private readonly gateway: Gateway,
    private readonly storage: KeyValueStorage,
    defaultCommunityId: string | null,
    private readonly groupEntry: () => Promise<string | null> = async () => null,
  ) {
    this.communityId = storage.get(COMMUNITY_KEY) || defaultCommunityId;
    makeAutoObservable<SessionStore, 'gateway' | 'storage' | 'groupEntry'>(this, { gateway: false, storage: false, groupEntry: false });
  }

  get isMember(): boolean {
    return this.role !== null;
  }

  get isStaff(): boolean {
    return isStaff(this.role);
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
      const group = await this.groupEntry().catch(() => null);
      await this.gateway.call('community', 'join', {
        communityId: this.communityId,
        nickname,
        inviteCode: this.inviteCode ?? undefined,
        groupCloudId: group ? cloudIdRef(group) : undefined,
      });
      await this.load();
      return this.isMember;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return false;
    }
  }

  /** Owner: binds the WeChat group the app was opened from; false (with the reason) outside a group. */
  async bindGroup(): Promise<boolean> {
    if (!this.communityId) return false;
    try {
      const group = await this.groupEntry().catch(() => null);
      if (!group) {
        runInAction(() => (this.error = '请在要绑定的微信群里点开小程序卡片，再点绑定'));
        return false;
      }
      await this.gateway.call('community', 'bindGroup', { communityId: this.communityId, groupCloudId: cloudIdRef(group) });
      runInAction(() => {
        this.groupBound = true;
        this.error = null;
      });
      return true;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return false;
    }
  }
}
