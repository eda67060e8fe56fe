import { makeAutoObservable, runInAction } from 'mobx';
import type { WearableKind } from '../../cloudfunctions/core/wearables';
import type { ActionInput, ActionOutput, Badge, ChallengeView, Task } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { ImageUploader } from '../gateway/uploader';
import { Request } from './request';
import { birthdayProblem as dayOfYearProblem } from '../../cloudfunctions/core/birthday';
import { NICKNAME_LIMIT } from '../../cloudfunctions/core/limits';

export type MyPoints = ActionOutput<'points', 'me'>;

/** "MM-DD" (or "3-8" as typed) that exists in some year: core's rule, as the server checks it; the message says what to fix. */
export function birthdayProblem(text: string): string | null {
  if (!/^\d{1,2}-\d{1,2}$/.test(text.trim())) return '请选择生日（月-日）';
  return dayOfYearProblem(normalBirthday(text));
}

export const normalBirthday = (text: string) =>
  text
    .trim()
    .split('-')
    .map((n) => n.padStart(2, '0'))
    .join('-');

/**
 * 我的: the tier card, badges, newcomer tasks, challenges in progress and the member's own
 * profile (WeChat's avatar and nickname, the birthday once, off the leaderboard).
 */
export class MeStore {
  me: MyPoints | null = null;
  badges: Badge[] = [];
  tasks: Task[] = [];
  challenges: ChallengeView[] = [];
  /** The nickname being edited; null while not editing. */
  nicknameDraft: string | null = null;
  birthdayDraft = '';
  /** Asked once before a birthday is saved for good. */
  confirmingBirthday = false;
  notice: string | null = null;
  tried = false;
  private readonly loading = new Request('refresh');
  private readonly saving = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly uploader?: ImageUploader,
  ) {
    makeAutoObservable<MeStore, 'community' | 'uploader' | 'loading' | 'saving'>(this, {
      community: false,
      uploader: false,
      loading: false,
      saving: false,
    });
  }

  get loaded(): boolean {
    return this.me !== null;
  }

  get busy(): boolean {
    return this.saving.pending;
  }

  get error(): string | null {
    return this.saving.error ?? this.loading.error;
  }

  get earnedBadges(): number {
    return this.badges.filter((b) => b.earnedAt).length;
  }

  get tasksLeft(): Task[] {
    return this.tasks.filter((t) => !t.done);
  }

  /** Progress to the next tier by the points that decide it, 0–100. */
  get tierPercent(): number {
    const tier = this.me?.tier;
    if (!tier || tier.nextMinPoints === null) return 100;
    return Math.min(100, Math.floor((tier.points / tier.nextMinPoints) * 100));
  }

  get birthdayError(): string | null {
    return this.tried ? birthdayProblem(this.birthdayDraft) : null;
  }

  async load(): Promise<void> {
    await this.loading.run(async () => {
      const [me, badges, tasks, progress] = await Promise.all([
        this.community.call('points', 'me', {}),
        this.community.call('points', 'badges', {}),
        this.community.call('points', 'tasks', {}),
        this.community.call('campaigns', 'progress', {}),
      ]);
      runInAction(() => {
        this.me = me;
        this.badges = badges.badges;
        this.tasks = tasks.tasks;
        this.challenges = progress.challenges;
      });
    });
  }

  editNickname(): void {
    this.nicknameDraft = this.me?.nickname ?? '';
  }

  setNicknameDraft(value: string): void {
    this.nicknameDraft = value;
  }

  /** WeChat's nickname input fills in the WeChat name; any name of 1 to NICKNAME_LIMIT characters will do. */
  async saveNickname(): Promise<boolean> {
    const nickname = (this.nicknameDraft ?? '').trim();
    if (!nickname) return (this.say('昵称不能为空'), false);
    if (nickname.length > NICKNAME_LIMIT) return (this.say(`昵称最多 ${NICKNAME_LIMIT} 个字`), false);
    const saved = await this.update({ nickname }, '昵称已更新');
    if (saved) runInAction(() => (this.nicknameDraft = null));
    return saved;
  }

  /** The picture WeChat's avatar chooser gave (a temporary file), or — where there is none (H5) — one picked from the album. */
  async chooseAvatar(tempFilePath?: string): Promise<boolean> {
    const uploader = this.uploader;
    if (!uploader) return false;
    const outcome = await this.saving.run(async () =>
      tempFilePath ? uploader.upload(tempFilePath) : ((await uploader.pickAndUpload(1))[0] ?? null),
    );
    if (!outcome.done || !outcome.value) return false;
    return this.update({ avatar: outcome.value }, '头像已更新');
  }

  setBirthdayDraft(value: string): void {
    this.birthdayDraft = value;
  }

  /** The first tap checks and asks (a birthday is set once); the second saves. */
  async saveBirthday(): Promise<boolean> {
    this.tried = true;
    if (birthdayProblem(this.birthdayDraft)) return false;
    if (!this.confirmingBirthday) {
      this.confirmingBirthday = true;
      return false;
    }
    this.confirmingBirthday = false;
    return this.update({ birthday: normalBirthday(this.birthdayDraft) }, '生日已保存');
  }

  cancelBirthday(): void {
    this.confirmingBirthday = false;
  }

  /** 我的装扮: wear an owned title or frame (by its reward's id), or take it off (null). */
  async wear(kind: WearableKind, itemId: string | null): Promise<boolean> {
    const what = kind === 'title' ? '称号' : '头像框';
    return this.update({ wear: { [kind]: itemId } }, itemId ? `已佩戴新的${what}` : `已取下${what}`);
  }

  /** What I own of one kind, and whether I wear it now. */
  wardrobeOf(kind: WearableKind): MyPoints['wardrobe'] {
    return (this.me?.wardrobe ?? []).filter((w) => w.kind === kind);
  }

  async setHidden(hidden: boolean): Promise<boolean> {
    return this.update({ hideFromLeaderboard: hidden }, hidden ? '已不在排行榜上显示' : '已在排行榜上显示');
  }

  clearNotice(): void {
    this.notice = null;
  }

  private say(message: string): void {
    this.notice = message;
  }

  private async update(change: Omit<ActionInput<'community', 'updateProfile'>, 'communityId'>, done: string): Promise<boolean> {
    const outcome = await this.saving.run(() => this.community.call('community', 'updateProfile', change));
    if (!outcome.done) return false;
    await this.load();
    runInAction(() => (this.notice = done));
    return true;
  }
}
