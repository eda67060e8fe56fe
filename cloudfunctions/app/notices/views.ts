import type { Found, NoticeDoc } from '../kernel/documents';

/** A notice as its member reads it. */
export type NoticeView = Pick<NoticeDoc, 'kind' | 'title' | 'body' | 'refId' | 'points' | 'read' | 'createdAt'> & { id: string };

export const toNotice = ({ _id, kind, title, body, refId, points, read, createdAt }: Found<NoticeDoc>): NoticeView => ({
  id: _id,
  kind,
  title,
  body,
  refId,
  points,
  read,
  createdAt,
});
