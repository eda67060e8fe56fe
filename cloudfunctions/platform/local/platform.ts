import type { Platform } from '../ports';
import { outboxMessenger } from './outbox';
import { wordListSecurity, type WordList } from './wordListSecurity';

/** The stand-ins for WeChat's open APIs on one machine (local runtime and tests). */
export const localPlatform = (words?: WordList): Platform => ({ content: wordListSecurity(words), messages: outboxMessenger() });
