import { makeAutoObservable, runInAction } from 'mobx';
import type { KeyValueStorage } from './storage';

export interface DemoPerson {
  openid: string;
  nickname: string;
  role: string;
}

const IDENTITY_KEY = 'devOpenid';

/**
 * Local H5 only: who the browser acts as. The local runtime lists the demo people; the chosen
 * openid travels as the X-Dev-Openid header, which the cloud never honours.
 */
export class DevIdentityStore {
  people: DemoPerson[] = [];
  openid: string | null;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly fetchPeople: () => Promise<{ communityId: string; people: DemoPerson[] }>,
  ) {
    this.openid = storage.get(IDENTITY_KEY);
    makeAutoObservable<DevIdentityStore, 'storage' | 'fetchPeople' | 'loading'>(this, {
      storage: false,
      fetchPeople: false,
      loading: false,
    });
  }

  /**
   * The openid to act as: the one chosen, or — in a fresh browser, whichever page opened first —
   * the one a first visit gets (see load), so no page is left 未登录.
   */
  async whoAmI(): Promise<string | null> {
    if (!this.openid) await (this.loading ??= this.load().finally(() => (this.loading = null)));
    return this.openid;
  }

  private loading: Promise<void> | null = null;

  async load(): Promise<void> {
    const { people } = await this.fetchPeople();
    runInAction(() => {
      const guest =
        this.openid && !people.some((p) => p.openid === this.openid) ? [{ openid: this.openid, nickname: '新访客', role: 'guest' }] : [];
      this.people = [...people, ...guest];
      // A first visit acts as an ordinary member: that is who the product is for.
      if (!this.openid) this.choose(people.find((p) => p.role === 'member')?.openid ?? people[0]?.openid);
    });
  }

  /**
   * Someone opening an invite link in a fresh browser is a newcomer, not a demo member: they
   * get a new identity of their own (kept in this browser).
   */
  startAsNewcomer(): void {
    if (this.openid) return;
    const openid = `guest_${Math.random().toString(36).slice(2, 10)}`;
    this.people = [...this.people, { openid, nickname: '新访客', role: 'guest' }];
    this.choose(openid);
  }

  choose(openid: string | undefined): void {
    if (!openid) return;
    this.openid = openid;
    this.storage.set(IDENTITY_KEY, openid);
  }
}
