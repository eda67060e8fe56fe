import * as z from 'zod';
import { communityId, cursor, limit } from '../schemas';

/** The `notices` function's action inputs: what each action accepts, checked before it runs. */

export const listNoticesInput = z.object({ communityId, cursor, limit });

export const markReadInput = z.object({ communityId });
