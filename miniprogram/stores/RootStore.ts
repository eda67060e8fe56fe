import type { Gateway } from '../gateway/gateway';
import type { ImageUploader } from '../gateway/uploader';
import { LedgerStore } from './LedgerStore';
import { LotteryStore } from './LotteryStore';
import { MallAdminStore } from './MallAdminStore';
import { MallStore } from './MallStore';
import { NoticesStore } from './NoticesStore';
import { PointsStore } from './PointsStore';
import { PostsStore } from './PostsStore';
import { QaStore } from './QaStore';
import { ReferralStore } from './ReferralStore';
import { ReviewStore } from './ReviewStore';
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
  readonly posts: PostsStore;
  readonly review: ReviewStore;
  readonly qa: QaStore;
  readonly notices: NoticesStore;
  readonly referral: ReferralStore;

  constructor(
    gateway: Gateway,
    storage: KeyValueStorage,
    defaultCommunityId: string | null,
    uploader?: ImageUploader,
    groupEntry?: () => Promise<string | null>,
  ) {
    this.session = new SessionStore(gateway, storage, defaultCommunityId, groupEntry);
    const communityId = () => this.session.communityId;
    this.points = new PointsStore(gateway, communityId);
    this.ledger = new LedgerStore(gateway, communityId);
    this.mall = new MallStore(gateway, communityId);
    this.mallAdmin = new MallAdminStore(gateway, communityId, uploader);
    this.lottery = new LotteryStore(gateway, communityId);
    this.posts = new PostsStore(gateway, communityId, uploader);
    this.review = new ReviewStore(gateway, communityId, () => this.session.community?.rules ?? null);
    this.qa = new QaStore(gateway, communityId);
    this.notices = new NoticesStore(gateway, communityId);
    this.referral = new ReferralStore(gateway, communityId);
  }
}
