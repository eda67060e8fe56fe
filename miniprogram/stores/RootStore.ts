import type { Gateway } from '../gateway/gateway';
import type { ImageUploader } from '../gateway/uploader';
import { LedgerStore } from './LedgerStore';
import { LotteryStore } from './LotteryStore';
import { MallAdminStore } from './MallAdminStore';
import { MallStore } from './MallStore';
import { PointsStore } from './PointsStore';
import { SessionStore } from './SessionStore';
import type { KeyValueStorage } from './storage';

/** All the app's state, built around one Gateway. */
export class RootStore {
  readonly session: SessionStore;
  readonly points: PointsStore;
  readonly ledger: LedgerStore;
  readonly mall: MallStore;
  readonly mallAdmin: MallAdminStore;
  readonly lottery: LotteryStore;

  constructor(gateway: Gateway, storage: KeyValueStorage, defaultCommunityId: string | null, uploader?: ImageUploader) {
    this.session = new SessionStore(gateway, storage, defaultCommunityId);
    const communityId = () => this.session.communityId;
    this.points = new PointsStore(gateway, communityId);
    this.ledger = new LedgerStore(gateway, communityId);
    this.mall = new MallStore(gateway, communityId);
    this.mallAdmin = new MallAdminStore(gateway, communityId, uploader);
    this.lottery = new LotteryStore(gateway, communityId);
  }
}
