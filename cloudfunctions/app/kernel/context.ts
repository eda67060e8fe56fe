import type { Platform } from '../../platform/ports';
import type { AppStore } from './documents';

/** Who is calling and when, as the platform says — never as the request says. */
export interface CallContext {
  /** OPENID from the WeChat context (or the local runtime's dev identity); null if none. */
  openid: string | null;
  /** 'wx_trigger' when a timer trigger is calling. */
  source: string | null;
  now: Date;
  /** The caller's IP as the platform saw it (risk checks); absent locally. */
  clientIp?: string | null;
}

export interface Deps {
  store: AppStore;
  /** Fresh random ids; injected so tests and seeds can be deterministic. */
  newId: () => string;
  log?: (message: string, error?: unknown) => void;
  /** Content security and messages: WeChat's open APIs in the cloud, stand-ins locally. */
  platform: Platform;
  /** Wall-clock milliseconds, for a job's time budget (not the business clock, which is `now`). */
  clock?: () => number;
  /** How long one job invocation may work before it stops and leaves the rest to the next trigger. */
  jobBudgetMs?: number;
  /** Who may create communities: these openids, or anyone when null (environment COMMUNITY_CREATORS). */
  creators: readonly string[] | null;
}

/** A caller the dispatcher has authenticated. */
export interface Caller extends CallContext {
  openid: string;
}

/** Communities (rules, time zone) are read by every call and change rarely: cache them briefly. */
export const COMMUNITY_CACHE = { collections: ['communities'], ttlMs: 2000 };
