import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localPlatform } from '../platform/local/platform';
import type { Platform } from '../platform/ports';
import { SqliteStore } from '../store/sqlite/sqliteStore';
import type { Store } from '../store/port';
import { MemoryWxDatabase } from '../store/testing/memoryWxDatabase';
import { withReadCache } from '../store/readCache';
import { WxCloudStore } from '../store/wxcloud/wxcloudStore';
import { COLLECTIONS } from '../store/schema';
import { COMMUNITY_CACHE, type Deps } from '../app/kernel/context';
import { makeDeps } from '../app/kernel/deps';
import type { Envelope } from '../app/kernel/envelope';
import type { ActionName, ActionOutput, FunctionName } from '../contract/api';
import { HANDLERS } from '../app/handlers';

/** Who calls and when, as the platform would say (defaults: o_alice, 2026-03-03T02:00Z). */
type Caller = { openid?: string | null; now?: string; source?: string };

export interface Harness {
  store: Store;
  platform: Platform;
  /** The dependencies the calls run with (for code that takes Deps itself, like the demo seed). */
  deps: Deps;
  /** Calls an action as `openid` at `now`, like the platform would. */
  call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    params?: Record<string, unknown>,
    as?: Caller,
  ): Promise<Envelope<ActionOutput<F, A>>>;
  /** An event as a client sends it, whatever it holds (a gateway double, junk input). */
  send(fn: FunctionName, event: Record<string, unknown>, as?: Caller): Promise<Envelope>;
  /** Like call, but fails the test unless the envelope is ok. */
  ok<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    params?: Record<string, unknown>,
    as?: Caller,
  ): Promise<ActionOutput<F, A>>;
}

/**
 * The two stores every use case must hold on: SQLite (the local runtime) and the double of
 * the cloud database, whose snapshot isolation and conflict reporting are the cloud's.
 */
export type StoreKind = 'sqlite' | 'wxcloud';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'wxcloud'];

/** SQLite as the local runtime opens it (behind the community read cache), and the cloud database's double. */
export function openStore(kind: StoreKind): Store {
  return kind === 'sqlite'
    ? withReadCache(new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cp-app-')), 'db.sqlite')), COMMUNITY_CACHE)
    : new WxCloudStore(new MemoryWxDatabase({ indexes: COLLECTIONS }));
}

/** A use-case suite, once per store: `eachStore((open) => { beforeEach(() => (h = open())); ... })`. */
export function eachStore(suite: (open: (platform?: Platform) => Harness, kind: StoreKind) => void): void {
  describe.each(STORE_KINDS)('on %s', (kind) => suite((platform) => sqliteHarness(openStore(kind), platform), kind));
}

export function sqliteHarness(
  store: Store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cp-app-')), 'db.sqlite')),
  platform: Platform = localPlatform(),
  extra: Partial<Deps> = {},
): Harness {
  const deps = makeDeps({ store, platform, log: () => undefined, ...extra });
  const send: Harness['send'] = (fn, event, as = {}) =>
    HANDLERS[fn](
      event,
      {
        openid: as.openid === undefined ? 'o_alice' : as.openid,
        source: as.source ?? null,
        now: new Date(as.now ?? '2026-03-03T02:00:00Z'),
      },
      deps,
    );
  // The action tables are checked against Api (ActionsOf), so an answer has the type Api gives it.
  const call: Harness['call'] = (fn, action, params = {}, as) => send(fn, { action, ...params }, as) as Promise<Envelope<never>>;
  return {
    store,
    platform,
    deps,
    send,
    call,
    async ok(fn, action, params, as) {
      const envelope = await call(fn, action, params, as);
      if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.data;
    },
  };
}

/** A community owned by o_owner with o_alice and o_bob as members. */
export async function communityWithMembers(h: Harness, now = '2026-03-01T02:00:00Z') {
  const { community } = await h.ok('community', 'create', { name: '宝妈成长营' }, { openid: 'o_owner', now });
  const later = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString();
  await h.ok('community', 'join', { communityId: community.id, nickname: 'alice' }, { openid: 'o_alice', now: later(1) });
  await h.ok('community', 'join', { communityId: community.id, nickname: 'bob' }, { openid: 'o_bob', now: later(2) });
  return community.id as string;
}

/** The same store, but its next `failures` reads of `collection` by id fail like a dropped connection. */
export function readsFailing(store: Store, collection: string, failures = 1): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'get')
        return (name: string, id: string, options?: never) =>
          name === collection && failures-- > 0
            ? Promise.reject(new Error('connection lost'))
            : options
              ? target.get(name, id, options)
              : target.get(name, id);
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
