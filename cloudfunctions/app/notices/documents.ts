/** Stored documents of the area (the collections are listed in kernel/documents.ts). What members are told: in-app notices and the reminders they accepted. */
import type { NoticeKind } from '../../contract/views';

/**
 * A member's check-in reminders in a community (`{communityId}:{openid}:checkin_reminder`): how
 * many WeChat acceptances are left (each allows one message), the community-local hour, and when
 * the next one is due (`dueKey`, an index for jobs.remind; absent while none is left).
 */
export interface ReminderDoc {
  communityId: string;
  openid: string;
  kind: 'checkin_reminder';
  hour: number;
  left: number;
  lastSentDay: string | null;
  dueKey?: string | null;
}

/** An in-app notice to a member; written in the same transaction as what it reports. */
export interface NoticeDoc {
  communityId: string;
  openid: string;
  kind: NoticeKind;
  title: string;
  body: string;
  refId: string;
  points: number;
  read: boolean;
  createdAt: string;
  sortKey: string;
}
