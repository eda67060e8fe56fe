import type { Messenger, OutsideMessage } from '../ports';

/** Locally there is no WeChat to deliver subscription messages: they are kept, newest last, for a look. */
export function outboxMessenger(kept = 100): Messenger & { sent: OutsideMessage[] } {
  const sent: OutsideMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      if (sent.length > kept) sent.shift();
    },
  };
}
