import { AuditStore } from './AuditStore';
import { CommunityGateway } from '../gateway/communityGateway';
import { Intents, type Gateway } from '../gateway/gateway';
import type { ImageUploader } from '../gateway/uploader';
import { ConsoleStore, type OpenDownload } from './ConsoleStore';
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
import { RulesStore } from './RulesStore';
import { SessionStore } from './SessionStore';
import { CampaignsStore } from './CampaignsStore';
import { LeaderboardStore } from './LeaderboardStore';
import { MeStore } from './MeStore';
import { CheckoutStore } from './CheckoutStore';
import { ProfileStore } from './ProfileStore';
import { PoolsStore } from './PoolsStore';
import { OwnerChecklistStore } from './OwnerChecklistStore';
import { ReachStore } from './ReachStore';
import { BalancesStore } from './BalancesStore';
import { MemberCodeStore, PurchasesStore } from './PurchasesStore';
import { CommentsStore } from './CommentsStore';
import { EventsStore } from './EventsStore';
import type { ScanCode } from '../device/scanner';
import type { PickFile } from '../device/filePicker';
import { RemindersStore } from './RemindersStore';
import type { Subscriber } from '../device/subscription';
import type { Payer } from '../device/payer';
import type { KeyValueStorage } from './storage';
import { dayIn } from './format';

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
  readonly console: ConsoleStore;
  readonly audit: AuditStore;
  readonly rules: RulesStore;
  readonly mine: MeStore;
  readonly leaderboard: LeaderboardStore;
  readonly campaigns: CampaignsStore;
  /** The owner's reach: bulk awards and announcements. */
  readonly reach: ReachStore;
  /** Opening balances imported from a spreadsheet, and claiming them. */
  readonly balances: BalancesStore;
  /** 会员码 (a member's) and purchases credited by scanning it (staff's). */
  readonly memberCode: MemberCodeStore;
  readonly purchases: PurchasesStore;
  /** A post's thread of comments. */
  readonly comments: CommentsStore;
  /** Community events: sign-ups, attendance at the door, the owner's announcements. */
  readonly events: EventsStore;
  /** 明天提醒我: check-in reminders. */
  readonly reminders: RemindersStore;
  readonly pools: PoolsStore;
  readonly profile: ProfileStore;
  readonly checkout: CheckoutStore;
  readonly checklist: OwnerChecklistStore;

  /**
   * The community's today: as the server last said it, else the device's clock in the community's
   * time zone (an owner's page opened by its address before the home page has loaded).
   */
  get today(): string {
    return this.points.me?.today ?? dayIn(this.session.community?.timezone ?? 'Asia/Shanghai');
  }

  constructor(
    gateway: Gateway,
    storage: KeyValueStorage,
    defaultCommunityId: string | null,
    uploader?: ImageUploader,
    groupEntry?: () => Promise<string | null>,
    openDownload?: OpenDownload,
    payer?: Payer,
    subscriber: Subscriber = async () => [],
    pickFile: PickFile = async () => null,
    scanCode: ScanCode = async () => null,
  ) {
    this.session = new SessionStore(gateway, storage, defaultCommunityId, groupEntry);
    const community = new CommunityGateway(
      gateway,
      () => this.session.communityId,
      () => this.session.start(),
    );
    const intents = new Intents(storage);
    this.points = new PointsStore(community, intents);
    this.ledger = new LedgerStore(community);
    this.mall = new MallStore(community, intents);
    this.reach = new ReachStore(community, intents);
    this.balances = new BalancesStore(community, intents, pickFile);
    this.memberCode = new MemberCodeStore(community);
    this.purchases = new PurchasesStore(community, intents, scanCode);
    this.comments = new CommentsStore(community, intents);
    this.events = new EventsStore(community, intents, scanCode, () => this.session.community?.timezone ?? 'Asia/Shanghai');
    this.reminders = new RemindersStore(community, subscriber);
    this.mallAdmin = new MallAdminStore(community, uploader);
    this.lottery = new LotteryStore(community, intents);
    this.posts = new PostsStore(community, uploader);
    this.review = new ReviewStore(community, () => this.session.community?.rules ?? null);
    this.qa = new QaStore(community);
    this.notices = new NoticesStore(community);
    this.referral = new ReferralStore(community);
    this.console = new ConsoleStore(community, intents, openDownload);
    this.audit = new AuditStore(community);
    this.rules = new RulesStore(
      community,
      () => this.session.community?.rules ?? null,
      () => this.session.load(),
    );
    this.mine = new MeStore(community, uploader);
    this.leaderboard = new LeaderboardStore(community);
    this.campaigns = new CampaignsStore(community, () => this.session.community?.timezone ?? 'Asia/Shanghai');
    this.pools = new PoolsStore(community, intents);
    this.profile = new ProfileStore(community, intents);
    this.checkout = new CheckoutStore(community, payer ?? { pay: async () => 'failed' });
    this.checklist = new OwnerChecklistStore(this.session, this.mall, storage);
  }
}
