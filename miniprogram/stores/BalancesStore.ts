import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, BalanceImportView, ClaimedBalance, OpeningBalanceView } from '../../cloudfunctions/contract/api';
import { normalizeCode, READABLE_CODE } from '../../cloudfunctions/core/readableCodes';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { PickFile } from '../device/filePicker';
import { ApiError, type Intents } from '../gateway/gateway';
import { Request } from './request';

type Preview = ActionOutput<'points', 'previewImport'>;
export type RowStatus = 'open' | 'claimed';

/** What the owner shares with a row's member: the code, and where to enter it. */
export const claimMessage = (communityName: string, row: Pick<OpeningBalanceView, 'name' | 'points' | 'code'>) =>
  `${row.name}，你在「${communityName}」原有的 ${row.points} 积分已搬进积分小程序：打开小程序「我的 → 领取期初积分」，输入领取码 ${row.code.slice(0, 4)}-${row.code.slice(4)} 即可到账。`;

/** Where a row's member claims it: the claim page with the community and the code, so one tap does it. */
export const claimPath = (communityId: string, code: string) =>
  `/packages/community/pages/claim/index?communityId=${communityId}&code=${code}`;

/** A typed claim code's problem, or null when it can go. */
export const claimCodeProblem = (typed: string): string | null =>
  READABLE_CODE.test(normalizeCode(typed)) ? null : '领取码是 8 位字母和数字，如 ABCD-EF23';

/**
 * Opening balances: the owner previews a spreadsheet (every problem by line), imports it, and
 * follows which rows wait for their members — sharing each one's code or giving it to a member
 * who joined without it; a member enters a code and the points arrive once.
 */
export class BalancesStore {
  file: { name: string; base64: string } | null = null;
  preview: Preview | null = null;
  skipProblems = false;
  imports: BalanceImportView[] = [];
  importsCursor: string | null = null;
  /** The import whose rows are shown, and which of them. */
  openImport: string | null = null;
  status: RowStatus = 'open';
  rows: OpeningBalanceView[] = [];
  rowsCursor: string | null = null;
  claimed: ClaimedBalance | null = null;
  readonly previewing = new Request();
  readonly importing = new Request();
  readonly loading = new Request('refresh');
  readonly claiming = new Request();
  /** The owner's match of one row: which row is being matched, and its outcome. */
  matching: { code: string; name: string } | null = null;
  readonly matchRequest = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
    private readonly pickFile: PickFile,
  ) {
    makeAutoObservable<BalancesStore, 'community' | 'intents' | 'pickFile'>(this, {
      community: false,
      intents: false,
      pickFile: false,
      previewing: false,
      importing: false,
      loading: false,
      claiming: false,
      matchRequest: false,
    });
  }

  /** Picks a CSV and asks the server what importing it would do; nothing is written. */
  async pick(): Promise<void> {
    const file = await this.pickFile();
    if (!file) return;
    runInAction(() => ((this.file = file), (this.preview = null), (this.skipProblems = false)));
    const outcome = await this.previewing.run(() => this.community.call('points', 'previewImport', { file: file.base64 }));
    if (outcome.done) runInAction(() => (this.preview = outcome.value));
  }

  setSkipProblems(skip: boolean): void {
    this.skipProblems = skip;
  }

  /** Whether the previewed file can be imported as it stands. */
  get canImport(): boolean {
    return Boolean(this.preview && this.preview.rows > 0 && (this.preview.problemCount === 0 || this.skipProblems));
  }

  /** Imports the previewed file; a retry after a lost answer reuses its requestId, so it is imported once. */
  async confirm(): Promise<boolean> {
    const file = this.file;
    if (!file || !this.canImport) return false;
    const skipProblems = this.skipProblems;
    const outcome = await this.importing.run(() =>
      this.intents.send(`points.importBalances:${file.name}:${file.base64.length}:${skipProblems}`, (requestId) =>
        this.community.call('points', 'importBalances', { file: file.base64, skipProblems, requestId }),
      ),
    );
    if (!outcome.done) return false;
    runInAction(() => ((this.file = null), (this.preview = null)));
    await this.loadImports();
    await this.show(outcome.value.import.id, 'open');
    return true;
  }

  async loadImports(more = false): Promise<void> {
    const outcome = await this.loading.run(() =>
      this.community.call('points', 'imports', { cursor: more ? this.importsCursor : null, limit: 20 }),
    );
    if (outcome.done)
      runInAction(
        () => (
          (this.imports = more ? [...this.imports, ...outcome.value.imports] : outcome.value.imports),
          (this.importsCursor = outcome.value.nextCursor)
        ),
      );
  }

  /** Shows an import's rows: those waiting (with their codes) or those claimed (by whom). */
  async show(importId: string, status: RowStatus, more = false): Promise<void> {
    runInAction(() => ((this.openImport = importId), (this.status = status)));
    const outcome = await this.loading.run(() =>
      this.community.call('points', 'importRows', { importId, status, cursor: more ? this.rowsCursor : null, limit: 50 }),
    );
    if (outcome.done && this.openImport === importId && this.status === status) {
      runInAction(
        () => (
          (this.rows = more ? [...this.rows, ...outcome.value.rows] : outcome.value.rows),
          (this.rowsCursor = outcome.value.nextCursor)
        ),
      );
    }
  }

  startMatch(row: Pick<OpeningBalanceView, 'code' | 'name'>): void {
    this.matching = { code: row.code, name: row.name };
  }

  cancelMatch(): void {
    this.matching = null;
  }

  /** Gives the row being matched to the member named exactly (nickname or openid); the row leaves the waiting list. */
  async match(who: string): Promise<boolean> {
    const matching = this.matching;
    if (!matching) return false;
    const outcome = await this.matchRequest.run(async () => {
      const { members } = await this.community.call('community', 'members', { q: who.trim(), limit: 5 });
      const exact = members.filter((m) => m.openid === who.trim() || m.nickname === who.trim());
      if (exact.length !== 1)
        throw new ApiError(
          'NOT_FOUND',
          exact.length ? `有 ${exact.length} 位成员叫「${who.trim()}」，请填 openid` : `没有找到成员「${who.trim()}」`,
        );
      const params = { code: matching.code, openid: exact[0].openid };
      return this.intents.send(`points.matchBalance:${JSON.stringify(params)}`, (requestId) =>
        this.community.call('points', 'matchBalance', { ...params, requestId }),
      );
    });
    if (!outcome.done) return false;
    runInAction(() => ((this.matching = null), (this.rows = this.rows.filter((r) => r.code !== matching.code))));
    return true;
  }

  /** A member claims what a code names; the answer says what arrived. */
  async claim(typed: string): Promise<boolean> {
    const code = normalizeCode(typed);
    const outcome = await this.claiming.run(() =>
      this.intents.send(`points.claimBalance:${code}`, (requestId) => this.community.call('points', 'claimBalance', { code, requestId })),
    );
    if (outcome.done) runInAction(() => (this.claimed = outcome.value));
    return outcome.done;
  }
}
