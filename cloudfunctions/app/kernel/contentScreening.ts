import { refuse } from '../../core/errors';
import type { Deps } from './context';
import type { TextScene } from '../../platform/ports';
import type { ContentFlag } from '../../contract/views';

/**
 * Runs a member's text past content security before anything is stored: risky text is
 * refused (CONTENT_REJECTED), doubtful text comes back flagged so a moderator sees why it
 * is held. If the check itself fails, the text is held rather than let through.
 */
export async function screenText(deps: Deps, check: { openid: string; scene: TextScene; text: string }): Promise<ContentFlag | null> {
  let verdict;
  try {
    verdict = await deps.platform.content.checkText(check);
  } catch (error) {
    deps.log?.('content check failed; holding the text for a moderator', error);
    return { source: 'text', label: '待人工复核' };
  }
  if (verdict.suggest === 'risky') refuse('CONTENT_REJECTED', `内容未通过安全检测（${verdict.label ?? '违规内容'}），请修改后再发`);
  return verdict.suggest === 'review' ? { source: 'text', label: verdict.label ?? '疑似违规' } : null;
}

/**
 * A short text others see beside a member — a nickname, a gift's message, a community's name —
 * checked before it is stored. There is no review queue for these, so doubtful text is refused
 * like risky text, naming what to change (`what`: 昵称, 留言…). If the check itself fails the text
 * goes through (logged): a short text can be changed or its member banned afterwards, and WeChat
 * being down must not stop anyone joining.
 */
export async function screenShortText(deps: Deps, check: { openid: string; scene: TextScene; text: string; what: string }): Promise<void> {
  let verdict;
  try {
    verdict = await deps.platform.content.checkText(check);
  } catch (error) {
    deps.log?.(`content check of a ${check.what} failed; let through`, error);
    return;
  }
  if (verdict.suggest !== 'pass') refuse('CONTENT_REJECTED', `${check.what}未通过安全检测（${verdict.label ?? '疑似违规'}），请换一个`);
}
