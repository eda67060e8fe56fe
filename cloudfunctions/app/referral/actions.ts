import { action, type Actions } from '../dispatch';
import { createInvite, createInviteInput } from './createInvite';
import { landing, landingInput } from './landing';
import { listReferrals, listReferralsInput } from './listReferrals';
import { posterCode, posterCodeInput } from './posterCode';

/** The `referral` cloud function's actions (API.md), plus the invitee's landing and the poster's code. */
export const referralActions = {
  invite: action(createInviteInput, createInvite),
  list: action(listReferralsInput, listReferrals),
  landing: action(landingInput, landing),
  posterCode: action(posterCodeInput, posterCode),
} satisfies Actions;
