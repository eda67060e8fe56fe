import * as z from 'zod';
import { communityId, cursor, limit, requestId, segment, text } from '../schemas';

/** The `notices` function's action inputs: what each action accepts, checked before it runs. */

export const listNoticesInput = z.object({ communityId, cursor, limit });

export const markReadInput = z.object({ communityId });

export const broadcastInput = z.object({ communityId, title: text('公告标题', 30), body: text('公告内容', 500), segment, requestId });
