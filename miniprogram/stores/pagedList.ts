import { makeAutoObservable, runInAction } from 'mobx';
import { Request } from './request';

/** One page of a list action (API.md: cursor, limit, nextCursor). */
export type PageReader<T> = (page: { cursor: string | null; limit: number }) => Promise<{ rows: T[]; nextCursor: string | null }>;

/**
 * A list the server hands out a page at a time: the first page on load, the next on 加载更多 or
 * reaching the bottom, rows already shown never twice (a row may move between pages while one
 * reads). A store owns one per list and gives it the call that reads a page.
 */
export class PagedList<T> {
  rows: T[] = [];
  nextCursor: string | null = null;
  loaded = false;
  private readonly request = new Request('refresh');

  constructor(
    private readonly read: PageReader<T>,
    private readonly keyOf: (row: T) => string,
    private readonly pageSize = 20,
  ) {
    makeAutoObservable<PagedList<T>, 'read' | 'keyOf' | 'request'>(this, { read: false, keyOf: false, request: false });
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  get loading(): boolean {
    return this.request.pending;
  }

  get error(): string | null {
    return this.request.error;
  }

  /** The first page again; answers whether it was read. */
  async load(): Promise<boolean> {
    const outcome = await this.request.run(() => this.read({ cursor: null, limit: this.pageSize }));
    if (outcome.done)
      runInAction(() => ((this.rows = outcome.value.rows), (this.nextCursor = outcome.value.nextCursor), (this.loaded = true)));
    return outcome.done;
  }

  /** The page after the rows shown; nothing when all are here or a read is under way. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.request.pending) return;
    const outcome = await this.request.run(() => this.read({ cursor, limit: this.pageSize }));
    if (!outcome.done) return;
    runInAction(() => {
      const shown = new Set(this.rows.map(this.keyOf));
      this.rows.push(...outcome.value.rows.filter((row) => !shown.has(this.keyOf(row))));
      this.nextCursor = outcome.value.nextCursor;
    });
  }
}
