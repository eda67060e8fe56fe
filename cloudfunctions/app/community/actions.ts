import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { banMember } from './banMember';
import { bindGroup } from './bindGroup';
import { createCommunity } from './createCommunity';
import { getCommunity } from './getCommunity';
import { getMember } from './getMember';
import { joinCommunity } from './joinCommunity';
import { listAudit } from './listAudit';
import { listMembers } from './listMembers';
import { setRole } from './setRole';
import { updateProfile } from './updateProfile';
import { updateRules } from './updateRules';
import {
  banMemberInput,
  bindGroupInput,
  createCommunityInput,
  getCommunityInput,
  getMemberInput,
  joinCommunityInput,
  listAuditInput,
  listMembersInput,
  setRoleInput,
  updateProfileInput,
  updateRulesInput,
} from './inputs';

/** The `community` cloud function's actions (API.md v1 and v2 "Members and roles"), plus binding WeChat groups. */
export const communityActions = {
  create: action(createCommunityInput, createCommunity),
  get: action(getCommunityInput, getCommunity),
  join: action(joinCommunityInput, joinCommunity),
  updateRules: action(updateRulesInput, updateRules),
  setRole: action(setRoleInput, setRole),
  members: action(listMembersInput, listMembers),
  member: action(getMemberInput, getMember),
  ban: action(banMemberInput, banMember),
  updateProfile: action(updateProfileInput, updateProfile),
  audit: action(listAuditInput, listAudit),
  bindGroup: action(bindGroupInput, bindGroup),
} satisfies ActionsOf<Api['community']>;
