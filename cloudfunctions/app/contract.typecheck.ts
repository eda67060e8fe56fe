/**
 * Compile-time proof that the action tables are checked against the API contract: `npm test`
 * typechecks this file, and each @ts-expect-error fails the build if its line ever compiles.
 */
import * as z from 'zod';
import type { Api, Page } from './api';
import { action, type ActionsOf } from './kernel/dispatch';

const noInput = z.object({});

// An action answering the declared shape compiles.
export const right = { read: action(noInput, async () => ({ read: 1 })) } satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const wrongShape = {
  // @ts-expect-error notices.read answers { read: number }, not { read: string }
  read: action(noInput, async () => ({ read: 'all' })),
} satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const missingField = {
  // @ts-expect-error notices.list answers notices, unread and nextCursor; unread is missing
  list: action(noInput, async () => ({ notices: [], nextCursor: null })),
} satisfies Pick<ActionsOf<Api['notices']>, 'list'>;

// @ts-expect-error a table must have every action the contract names (list is missing)
export const incomplete = { read: action(noInput, async () => ({ read: 1 })) } satisfies ActionsOf<Api['notices']>;

// Every `list` action pages (API.md: cursor, limit, nextCursor): a list that answered only its
// newest N would leave the rest unreachable. `Unpaged` names the functions whose list does not.
type Unpaged<A> = {
  [F in keyof A]: A[F] extends { list: { in: infer I; out: infer O } }
    ? 'cursor' | 'limit' extends keyof I
      ? O extends Page
        ? never
        : F
      : F
    : never;
}[keyof A];
export const everyListPages: [Unpaged<Api>] extends [never] ? true : never = true;

// @ts-expect-error a list answering no nextCursor is caught
export const unpagedOutput: [Unpaged<{ pools: { list: { in: { cursor?: string; limit?: number }; out: { pools: [] } } } }>] extends [never]
  ? true
  : never = true;
// @ts-expect-error a list taking no cursor is caught
export const unpagedInput: [Unpaged<{ pools: { list: { in: { communityId: string }; out: { pools: []; nextCursor: null } } } }>] extends [
  never,
]
  ? true
  : never = true;
