import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, Community, Role, TemplateKey } from '../../cloudfunctions/contract/api';
import { cloudIdRef } from '../gateway/cloudIdRef';
import { isStaff } from '../../cloudfunctions/core/roles';
import { CommunityGateway } from '../gateway/communityGateway';
import { ApiError, type Gateway } from '../gateway/gateway';
import { Request } from './request';
import type { KeyValueStorage } from './storage';

const COMMUNITY_KEY = 'communityId';

type MyCommunity = ActionOutput<'community', 'mine'>['communities'][number];

/** Which community the app is showing, and the caller's place in it. */
export class SessionStore {
  /** 我的社群: every community I belong to (for the switcher), once read. */
  communities: MyCommunity[] = [];
  communityId: string | null;
  community: Community | null = null;
  role: Role | null = null;
  /** The invite code of the link the app was opened from, used when joining. */
  inviteCode: string | null = null;

  /** Set when the owner has just bound the group the app was opened from. */
  groupBound = false;

  /** Where the app opens, decided once per launch (see start), before the first read. */
  private started: Promise<void> | null = null;
  /** That decision is made: until then "in no community" is not known, only not yet found out. */
  private opened = false;
  /** A link chose the community in this launch: it wins over the group and the last visit. */
  private linked = false;

  private readonly gateway: CommunityGateway;
  private readonly loadingRequest = new Request('refresh');
  private readonly acting = new Request();

  constructor(
    gateway: Gateway,
    private readonly storage: KeyValueStorage,
    defaultCommunityId: string | null,
    private readonly groupEntry: () => Promise<string | null> = async () => null,
  ) {
    this.communityId = storage.get(COMMUNITY_KEY) || defaultCommunityId;
    this.gateway = new CommunityGateway(gateway, () => this.communityId);
    makeAutoObservable<
      SessionStore,
      'gateway' | 'storage' | 'groupEntry' | 'loadingRequest' | 'acting' | 'started' | 'linked' | 'decideOpening'
    >(this, {
      gateway: false,
      storage: false,
      groupEntry: false,
      loadingRequest: false,
      acting: false,
      started: false,
      linked: false,
      decideOpening: false,
    });
  }

  get loading(): boolean {
    return this.loadingRequest.pending;
  }

  /** An action (join, bind, create) is under way. */
  get busy(): boolean {
    return this.acting.pending;
  }

  get error(): string | null {
    return this.acting.error ?? this.loadingRequest.error;
  }

  /**
   * Known to be in no community (the app offers 创建社群). Settles once: never true before the opening
   * is decided, so the offer does not flash up and away while the app finds out.
   */
  get inNoCommunity(): boolean {
    return this.opened && !this.communityId && !this.loading;
  }

  get isMember(): boolean {
    return this.role !== null;
  }

  get isStaff(): boolean {
    return isStaff(this.role);
  }

  /** Opened from a link: remember the community the link points at, and who invited. */
  useCommunity(communityId: string, inviteCode?: string): void {
    this.linked = true;
    if (inviteCode) this.inviteCode = inviteCode;
    this.switchCommunity(communityId);
  }

  async load(): Promise<void> {
    await this.start();
    if (!this.communityId) return;
    await this.loadingRequest.run(async () => {
      const { community, role } = await this.gateway.call('community', 'get', {});
      runInAction(() => {
        this.community = community;
        this.role = role;
      });
    });
  }

  async join(nickname?: string): Promise<boolean> {
    const outcome = await this.acting.run(async () => {
      const group = await this.groupEntry().catch(() => null);
      await this.gateway.call('community', 'join', {
        nickname,
        inviteCode: this.inviteCode ?? undefined,
        groupCloudId: group ? cloudIdRef(group) : undefined,
      });
    });
    if (!outcome.done) return false;
    await this.load();
    return this.isMember;
  }

  /**
   * Where the app opens (API v3): the community bound to the group whose card was tapped, else the
   * one a link or the last visit chose, else my most recently active one. Without any, it stays
   * without a community (the app offers 创建社群). Decided once per launch; every call into the
   * community waits for it (CommunityGateway).
   */
  start(): Promise<void> {
    return (this.started ??= this.decideOpening());
  }

  private async decideOpening(): Promise<void> {
    const decided = await this.loadingRequest.run(async () => {
      if (this.linked) return;
      const group = await this.groupEntry().catch(() => null);
      const fromGroup = group
        ? await this.gateway.raw.call('community', 'byGroup', { groupCloudId: cloudIdRef(group) }).catch(() => null)
        : null;
      if (fromGroup?.community) return runInAction(() => this.switchCommunity(fromGroup.community!.id));
      if (this.communityId) return;
      const { communities } = await this.gateway.raw.call('community', 'mine', {});
      runInAction(() => {
        this.communities = communities;
        if (communities[0]) this.switchCommunity(communities[0].id);
      });
    });
    // Failed to find out (offline): the next load asks again rather than keep a guess.
    if (decided.done) runInAction(() => (this.opened = true));
    else this.started = null;
  }

  /** 我的社群, for the switcher. */
  async loadCommunities(): Promise<void> {
    await this.loadingRequest.run(async () => {
      const { communities } = await this.gateway.raw.call('community', 'mine', {});
      runInAction(() => (this.communities = communities));
    });
  }

  /** Switches to another of my communities (the choice is remembered for next time). */
  async switchTo(communityId: string): Promise<void> {
    this.switchCommunity(communityId);
    await this.load();
  }

  private switchCommunity(communityId: string): void {
    if (communityId === this.communityId) return;
    this.communityId = communityId;
    this.community = null;
    this.role = null;
    this.storage.set(COMMUNITY_KEY, communityId);
  }

  /** 创建社群: starts one from a template and opens it, as its owner. Once per intent: a retry finds the same community. */
  async create(name: string, template: TemplateKey, requestId: string): Promise<boolean> {
    const outcome = await this.acting.run(() => this.gateway.raw.call('community', 'create', { name: name.trim(), template, requestId }));
    if (!outcome.done) return false;
    this.switchCommunity(outcome.value.community.id);
    await this.load();
    return this.role === 'owner';
  }

  /** Owner: binds the WeChat group the app was opened from; false (with the reason) outside a group. */
  async bindGroup(): Promise<boolean> {
    const outcome = await this.acting.run(async () => {
      const group = await this.groupEntry().catch(() => null);
      if (!group) throw new ApiError('INVALID_INPUT', '请在要绑定的微信群里点开小程序卡片，再点绑定');
      await this.gateway.call('community', 'bindGroup', { groupCloudId: cloudIdRef(group) });
      runInAction(() => (this.groupBound = true));
    });
    return outcome.done;
  }
}
