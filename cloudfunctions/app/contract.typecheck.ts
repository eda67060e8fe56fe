/**
 * Compile-time proof that the action tables are checked against the API contract: `npm test`
 * typechecks this file, and each @ts-expect-error fails the build if its line ever compiles.
 */
import * as z from 'zod';
import type { Api, Page } from '../contract/api';
import { action, type ActionsOf } from './kernel/dispatch';

const inCommunity = z.object({ communityId: z.string() });

// An action accepting and answering the declared shapes compiles.
export const right = { read: action(inCommunity, async () => ({ read: 1 })) } satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const wrongShape = {
  // @ts-expect-error notices.read answers { read: number }, not { read: string }
  read: action(inCommunity, async () => ({ read: 'all' })),
} satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const missingField = {
  // @ts-expect-error notices.list answers notices, unread and nextCursor; unread is missing
  list: action(inCommunity, async () => ({ notices: [], nextCursor: null })),
} satisfies Pick<ActionsOf<Api['notices']>, 'list'>;

// Inputs, both ways: the schema must accept exactly what the contract lets the app send.
export const inputMissesAField = {
  // @ts-expect-error notices.read takes a communityId; a schema that does not would refuse what the app sends
  read: action(z.object({}), async () => ({ read: 1 })),
} satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const inputOfAnotherType = {
  // @ts-expect-error communityId is a string in the contract, not a number
  read: action(z.object({ communityId: z.number() }), async () => ({ read: 1 })),
} satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const inputTheContractDoesNotName = {
  // @ts-expect-error a schema that takes more than the contract says takes an input no caller is told of
  read: action(z.object({ communityId: z.string(), all: z.boolean().optional() }), async () => ({ read: 1 })),
} satisfies Pick<ActionsOf<Api['notices']>, 'read'>;

export const inputRequiredThatIsOptional = {
  // @ts-expect-error notices.list's limit is optional in the contract; a schema requiring it refuses a call without
  list: action(z.object({ communityId: z.string(), cursor: z.string().nullish(), limit: z.number() }), async () => ({
    notices: [],
    unread: 0,
    nextCursor: null,
  })),
} satisfies Pick<ActionsOf<Api['notices']>, 'list'>;

// A group's CloudID is sent as a marker and received opened: the schema checks the opened shape.
export const cloudIdOpened = {
  byGroup: action(
    z.object({
      groupCloudId: z.object({
        cloudID: z.string(),
        data: z.object({ opengid: z.string(), openGId: z.string() }).partial().optional(),
        errCode: z.number().optional(),
        errMsg: z.string().optional(),
      }),
    }),
    async () => ({ community: null, role: null }),
  ),
} satisfies Pick<ActionsOf<Api['community']>, 'byGroup'>;

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
