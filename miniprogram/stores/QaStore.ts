import { makeAutoObservable, runInAction } from 'mobx';
import type { AnswerView, QuestionView } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';
import { exclusively } from './exclusive';

/** Q&A: the question list, one question with its answers, asking, answering and accepting. */
export class QaStore {
  questions: QuestionView[] = [];
  question: QuestionView | null = null;
  answers: AnswerView[] = [];
  loading = false;
  busy = false;
  notice: string | null = null;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<QaStore, 'gateway' | 'communityId'>(this, { gateway: false, communityId: false });
  }

  async loadList(): Promise<void> {
    await this.read(async (communityId) => {
      const { questions } = await this.gateway.call('qa', 'list', { communityId, limit: 50 });
      runInAction(() => (this.questions = questions));
    });
  }

  async open(questionId: string): Promise<void> {
    await this.read(async (communityId) => {
      const { question, answers } = await this.gateway.call('qa', 'get', { communityId, questionId });
      runInAction(() => {
        this.question = question;
        this.answers = answers;
      });
    });
  }

  /** Returns the new question's id. */
  async ask(title: string, body: string): Promise<string | null> {
    let id: string | null = null;
    await this.send(async (communityId) => {
      const { question } = await this.gateway.call('qa', 'ask', { communityId, title, body });
      id = question.id;
      runInAction(() => {
        this.questions = [question, ...this.questions];
        this.notice = question.status === 'held' ? '问题已提交，审核后对大家可见' : null;
      });
    });
    return id;
  }

  async answer(body: string): Promise<boolean> {
    const questionId = this.question?.id;
    if (!questionId) return false;
    return this.send(async (communityId) => {
      const { answer } = await this.gateway.call('qa', 'answer', { communityId, questionId, body });
      runInAction(() => {
        this.answers = [...this.answers, answer];
        this.notice = answer.status === 'held' ? '回答已提交，审核后对大家可见' : (answer.noPoints?.message ?? '回答已发布，被采纳可得积分');
      });
    });
  }

  async accept(answerId: string): Promise<boolean> {
    return this.send(async (communityId) => {
      const { awarded } = await this.gateway.call('qa', 'accept', { communityId, answerId });
      runInAction(() => (this.notice = awarded ? `已采纳，回答者获得 ${awarded} 积分` : '已采纳'));
      await this.open(this.question!.id);
    });
  }

  private async read(work: (communityId: string) => Promise<void>): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    this.loading = true;
    try {
      await work(communityId);
      runInAction(() => (this.error = null));
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    } finally {
      runInAction(() => (this.loading = false));
    }
  }

  /** One message at a time; the last notice is cleared when a new one starts. */
  private send(work: (communityId: string) => Promise<void>): Promise<boolean> {
    this.notice = null;
    return exclusively(this, this.communityId(), work);
  }

}
