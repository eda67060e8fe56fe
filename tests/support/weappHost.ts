import { resolve } from 'node:path';
import type { Harness } from '../../cloudfunctions/testing/harness';
import type { FunctionName } from '../../cloudfunctions/app/actions';

/**
 * Hosts the real compiled weapp (dist/weapp) under miniprogram-simulate, which provides
 * Component() only: App/Page/getApp are defined here, Page mapped onto Component. The one
 * fake is the WeChat cloud: wx.cloud.callFunction goes to the real cloud-function
 * dispatchers on a real SQLite store, as the caller `openid`.
 */
export const WEAPP_DIST = resolve(__dirname, '../../dist/weapp');

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

/** wx.requestPayment's stand-in: resolves (paid) or rejects with WeChat's errMsg (e.g. "requestPayment:fail cancel"). */
export type RequestPayment = (params: Record<string, unknown>) => Promise<void>;

export function installWeappHost(
  h: Harness,
  caller: { openid: string; now: () => string; requestPayment?: RequestPayment; scanCode?: () => string | null },
) {
  const storage = new Map<string, unknown>();
  const cloudInits: unknown[] = [];
  /** Where the app asked WeChat to go, and how (a tab page only by switchTab). */
  const navigations: Array<{ how: string; url: string }> = [];
  /** The dialogs the app asked (wx.showModal). */
  const dialogs: Array<{ title: string; content: string }> = [];
  /** What wx.requestPayment was given. */
  const payments: Array<Record<string, unknown>> = [];
  let app: Record<string, (...args: unknown[]) => unknown> | undefined;
  const pages: unknown[] = [];
  const g = globalThis as Record<string, unknown>;

  g.App = (options: typeof app) => (app = options);
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.requirePlugin = () => ({});
  g.Page = (options: PageOptions) => {
    const methods = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'function')) as Record<
      string,
      (this: unknown, ...a: unknown[]) => unknown
    >;
    (g.Component as (definition: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          this.route = currentRoute;
          this.options = currentQuery;
          pages.push(this);
          methods.onLoad?.call(this, currentQuery);
          methods.onShow?.call(this);
        },
        ready(this: unknown) {
          methods.onReady?.call(this);
        },
      },
    });
  };

  const simulate = require('miniprogram-simulate');
  const wx = g.wx as Record<string, unknown>;
  const navigate = (how: string) => (options: { url: string; success?: () => void; complete?: () => void }) => {
    navigations.push({ how, url: options.url });
    options.success?.();
    options.complete?.();
    return Promise.resolve({ errMsg: `${how}:ok` });
  };
  Object.assign(wx, {
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    requestPayment: (
      options: Record<string, unknown> & { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: () => void },
    ) => {
      const { success, fail, complete, ...params } = options;
      payments.push(params);
      const pay = caller.requestPayment ?? (() => Promise.reject({ errMsg: 'requestPayment:fail cancel' }));
      pay(params)
        .then(
          () => success?.({ errMsg: 'requestPayment:ok' }),
          (error) => fail?.(error),
        )
        .finally(() => complete?.());
    },
    // The camera reads what the test holds up (nothing: the person cancelled).
    scanCode: (options: { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: () => void }) => {
      const result = caller.scanCode?.() ?? null;
      if (result) options.success?.({ result, scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
      else options.fail?.({ errMsg: 'scanCode:fail cancel' });
      options.complete?.();
    },
    // The member answers every dialog with its confirm button; what was asked is kept.
    showModal: (options: { title?: string; content?: string; success?: (r: unknown) => void; complete?: () => void }) => {
      dialogs.push({ title: options.title ?? '', content: options.content ?? '' });
      options.success?.({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
      options.complete?.();
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    createSelectorQuery: () => {
      const query = {
        in: () => query,
        select: () => query,
        selectAll: () => query,
        selectViewport: () => query,
        boundingClientRect: () => query,
        scrollOffset: () => query,
        fields: () => query,
        exec: (cb?: (result: unknown[]) => void) => cb?.([{ width: 0, height: 0, top: 0, left: 0 }]),
      };
      return query;
    },
    cloud: {
      init: (options: unknown) => void cloudInits.push(options),
      callFunction: async ({ name, data }: { name: FunctionName; data: Record<string, unknown> }) => {
        return { result: await h.send(name, data, { openid: caller.openid, now: caller.now() }) };
      },
    },
  });

  let currentRoute = '';
  let currentQuery: Record<string, string> = {};
  let launched = false;
  return {
    simulate,
    cloudInits,
    navigations,
    payments,
    dialogs,
    async open(route: string, query: Record<string, string> = {}) {
      if (!launched) {
        require(resolve(WEAPP_DIST, 'app.js'));
        app!.onLaunch?.call(app, { path: route, query: {} });
        launched = true;
      }
      await simulate.sleep(0);
      currentRoute = route;
      currentQuery = query;
      const id = simulate.load(resolve(WEAPP_DIST, route), { rootPath: WEAPP_DIST });
      const page = simulate.render(id);
      page.attach(document.createElement('parent-wrapper'));
      return page;
    },
  };
}

/** Polls until `find` returns something: some parts render in a second pass. */
export async function waitFor<T>(find: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting for the page');
    await new Promise((r) => setTimeout(r, 20));
  }
}
