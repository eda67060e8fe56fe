import { refuse } from '../../core/errors';
import { memberCodeProblem, parseMemberCode } from '../../core/purchases';
import type { Caller } from '../kernel/context';

/** The member a scanned code names, or why it names nobody here (wrong shape, another community, lapsed, used, oneself). */
export function scannedMember(code: string, communityId: string, caller: Caller): { openid: string; secret: string } {
  const parsed = parseMemberCode(code) ?? refuse('INVALID_INPUT', '这不是会员码：请扫会员「我的 → 会员码」里的二维码');
  if (parsed.communityId !== communityId) refuse('INVALID_INPUT', '这是别的社群的会员码');
  if (parsed.openid === caller.openid) refuse('FORBIDDEN', '不能给自己记积分');
  return parsed;
}

/** Refuses a code the member no longer holds as usable. */
export function requireUsable(held: Parameters<typeof memberCodeProblem>[0], secret: string, now: Date): void {
  const problem = memberCodeProblem(held, secret, now);
  if (problem) refuse('INVALID_INPUT', problem);
}
