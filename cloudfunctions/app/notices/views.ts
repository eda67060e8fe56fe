import type { NoticeView } from '../../contract/views';
import type { Found } from '../kernel/documents';
import type { NoticeDoc } from './documents';

export type { NoticeView };

/** A notice as its member reads it. */
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
