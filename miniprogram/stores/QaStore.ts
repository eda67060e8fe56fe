import { makeAutoObservable, runInAction } from 'mobx';
import type { AnswerView, QuestionView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

/** Q&A: the question list, one question with its answers, asking, answering and accepting. */
export class QaStore {
  questions: QuestionView[] = [];
  question: QuestionView | null = null;
  answers: AnswerView[] = [];
  notice: string | null = null;
  private readonly reading = new Request('refresh');
  private readonly sending = new Request();

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<QaStore, 'community' | 'reading' | 'sending'>(this, { community: false, reading: false, sending: false });
  }

  get loading(): boolean {
    return this.reading.pending;
  }

  get busy(): boolean {
    return this.sending.pending;
  }

  get error(): string | null {
    return this.sending.error ?? this.reading.error;
  }

  async loadList(): Promise<void> {
    await this.reading.run(async () => {
      const { questions } = await this.community.call('qa', 'list', { limit: 50 });
      runInAction(() => (this.questions = questions));
    });
  }

  async open(questionId: string): Promise<void> {
    await this.reading.run(async () => {
      const { question, answers } = await this.community.call('qa', 'get', { questionId });
      runInAction(() => {
        this.question = question;
        this.answers = answers;
      });
    });
  }

  /** Returns the new question's id. */
  async ask(title: string, body: string): Promise<string | null> {
    const outcome = await this.send(async () => {
      const { question } = await this.community.call('qa', 'ask', { title, body });
      runInAction(() => {
        this.questions = [question, ...this.questions];
        this.notice = question.status === 'held' ? '问题已提交，审核后对大家可见' : null;
      });
      return question.id;
    });
    return outcome.done ? outcome.value : null;
  }

  async answer(body: string): Promise<boolean> {
    const questionId = this.question?.id;
    if (!questionId) return false;
    const outcome = await this.send(async () => {
      const { answer } = await this.community.call('qa', 'answer', { questionId, body });
      runInAction(() => {
        this.answers = [...this.answers, answer];
        this.notice =
          answer.status === 'held' ? '回答已提交，审核后对大家可见' : (answer.noPoints?.message ?? '回答已发布，被采纳可得积分');
      });
    });
    return outcome.done;
  }

  async accept(answerId: string): Promise<boolean> {
    const outcome = await this.send(async () => {
      const { awarded } = await this.community.call('qa', 'accept', { answerId });
      runInAction(() => (this.notice = awarded ? `已采纳，回答者获得 ${awarded} 积分` : '已采纳'));
      await this.open(this.question!.id);
    });
    return outcome.done;
  }

  /** One message at a time; the last notice is cleared when a new one starts. */
  private send<T>(work: () => Promise<T>) {
    this.notice = null;
    return this.sending.run(work);
  }
}
