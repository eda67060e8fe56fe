import * as z from 'zod';
import { DomainError } from '../../core/errors';
import { ConflictError } from '../../store/port';
import type { CloudIdParam, OpenedCloudId } from '../../contract/views';
import type { CallContext, Caller, Deps } from './context';
import { failure, success, type Envelope } from './envelope';

/**
 * One action: how its input is checked and what it does; O is what it answers, In what its schema
 * accepts. The defaults are `any` on purpose: a table holds actions of every input type, and
 * `run`'s parameter would make `unknown` refuse them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export interface Action<I = any, O = unknown, In = any> {
  input: z.ZodType<I, In>;
  /**
   * Never set: a function of In (and of its fields' paths) both ways makes In invariant, so
   * `satisfies ActionsOf` holds the schema's input to the contract's exactly — what the app may
   * send is what the schema accepts, and the schema takes no field the contract does not name.
   */
  readonly accepts?: (input: In, fields: FieldPaths<In>) => [In, FieldPaths<In>];
  /**
   * 'member' (default): needs an authenticated caller. 'trigger': only the platform's timer.
   * 'platform': a verdict the platform pushes; it carries its own secret (a check's traceId).
   */
  auth?: 'member' | 'trigger' | 'platform';
  run(input: I, caller: Caller, deps: Deps): Promise<O>;
}

export type Actions = Record<string, Action>;

/**
 * An area's action table as the API contract says it must be: every action it names, each
 * accepting exactly its `in` and answering its `out`. `satisfies ActionsOf<Api['mall']>` makes a
 * schema that accepts another input, or a use case that answers another shape, a compile error.
 */
export type ActionsOf<Area> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what the schema parses to is the use case's business
  [A in keyof Area]: Area[A] extends { in: infer In; out: infer O } ? Structural<Action<any, O, AsReceived<In>>> : never;
};

/** The same members, but not an instance of Action: TypeScript then compares each member, rather than Action's type arguments by their measured variance (which lets a schema with an extra optional field pass). */
type Structural<T> = { [K in keyof T]: T[K] };

/** Every field of an input as a dotted path ("item.wear.look"), in every variant of a union and under arrays. */
type FieldPaths<T> = T extends readonly (infer E)[]
  ? FieldPaths<E>
  : T extends object
    ? { [K in keyof T & string]-?: K | `${K}.${FieldPaths<NonNullable<T[K]>>}` }[keyof T & string]
    : never;

/** An input as the function receives it: the platform has swapped each CloudID the caller passed for its opened data. */
type AsReceived<In> = In extends unknown ? { [K in keyof In]: Opened<In[K]> } : never;
type Opened<V> = V extends CloudIdParam ? OpenedCloudId : V;

export const action = <S extends z.ZodType, O>(
  input: S,
  run: (input: z.output<S>, caller: Caller, deps: Deps) => Promise<O>,
  auth: Action['auth'] = 'member',
): Action<z.output<S>, O, z.input<S>> => ({ input: input as z.ZodType<z.output<S>, z.input<S>>, run, auth });

/** No action's input nests deeper than this; anything deeper is junk, refused before it is walked. */
export const MAX_EVENT_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max`, found without recursion (no stack to overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** Platform fields the cloud adds to every event; never part of an action's input. */
const PLATFORM_FIELDS = ['userInfo'];

/**
 * The thin entry of every cloud function: pick the action, check identity and input, run it,
 * and answer with the envelope. Nothing escapes as an exception.
 */
export function dispatch(actions: Actions) {
  return async (event: unknown, context: CallContext, deps: Deps): Promise<Envelope> => {
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return failure('INVALID_INPUT', '请求体必须是 JSON 对象');
      if (nestsDeeperThan(event, MAX_EVENT_DEPTH)) return failure('INVALID_INPUT', '请求体嵌套太深');
      const { action: name, ...params } = event as Record<string, unknown>;
      for (const field of PLATFORM_FIELDS) delete params[field];
      const chosen = typeof name === 'string' && Object.hasOwn(actions, name) ? actions[name] : undefined;
      if (!chosen) return failure('INVALID_INPUT', `未知的 action：${String(name)}`);

      if (chosen.auth === 'trigger') {
        if (context.source !== 'wx_trigger')
          return context.openid ? failure('FORBIDDEN', '只有定时触发器可以调用') : failure('UNAUTHENTICATED', '未登录');
      } else if (chosen.auth !== 'platform' && !context.openid) {
        return failure('UNAUTHENTICATED', '未登录：请在微信中打开');
      }

      const parsed = chosen.input.safeParse(params);
      if (!parsed.success) return failure('INVALID_INPUT', describeIssues(parsed.error));
      return success(await chosen.run(parsed.data, { ...context, openid: context.openid ?? '' }, deps));
    } catch (error) {
      if (error instanceof DomainError) return failure(error.code, error.message);
      if (error instanceof ConflictError) return failure('CONFLICT', '操作太频繁，请稍后重试');
      deps.log?.('unexpected error', error);
      return failure('INTERNAL', '服务出了点问题，请稍后重试');
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
