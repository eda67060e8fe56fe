import type { Found } from '../documents';
import type { NoticeDoc } from '../documents';

export interface NoticeView {
  id: string;
  kind: NoticeDoc['kind'];
  title: string;
  body: string;
  refId: string;
  points: number;
  read: boolean;
  createdAt: string;
}

export const toNotice = ({ _id, kind, title, body, refId, points, read, createdAt }: Found<NoticeDoc>): NoticeView => ({ id: _id, kind, title, body, refId, points, read, createdAt });
