import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { createInvite } from './createInvite';
import { landing } from './landing';
import { listReferrals } from './listReferrals';
import { posterCode } from './posterCode';
import { createInviteInput, landingInput, listReferralsInput, posterCodeInput } from './inputs';

/** The `referral` cloud function's actions (API.md), plus the invitee's landing and the poster's code. */
export const referralActions = {
  invite: action(createInviteInput, createInvite),
  list: action(listReferralsInput, listReferrals),
  landing: action(landingInput, landing),
  posterCode: action(posterCodeInput, posterCode),
} satisfies ActionsOf<Api['referral']>;
