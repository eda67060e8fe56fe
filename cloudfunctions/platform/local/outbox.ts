import type { Messenger, ReviewMessage } from '../ports';

/** Locally there is no WeChat to deliver subscription messages: they are kept, newest last, for a look. */
export function outboxMessenger(kept = 100): Messenger & { sent: ReviewMessage[] } {
  const sent: ReviewMessage[] = [];
  return {
    sent,
    async sendReviewResult(message) {
      sent.push(message);
      if (sent.length > kept) sent.shift();
    },
  };
}
