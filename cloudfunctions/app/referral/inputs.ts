import * as z from 'zod';
import { communityId, cursor, inCommunity, limit } from '../kernel/schemas';

/** The `referral` function's action inputs: what each action accepts, checked before it runs. */

export const createInviteInput = inCommunity;

export const landingInput = z.object({ communityId, inviteCode: z.string().max(32).optional() });

export const listReferralsInput = z.object({ communityId, cursor, limit });

export const posterCodeInput = inCommunity;
