import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { banMember } from './banMember';
import { bindGroup } from './bindGroup';
import { byGroup } from './byGroup';
import { createCommunity } from './createCommunity';
import { getCommunity } from './getCommunity';
import { getMember } from './getMember';
import { joinCommunity } from './joinCommunity';
import { listAudit } from './listAudit';
import { listMembers } from './listMembers';
import { myCommunities } from './myCommunities';
import { setRole } from './setRole';
import { updateProfile } from './updateProfile';
import { updateRules } from './updateRules';
import {
  banMemberInput,
  bindGroupInput,
  byGroupInput,
  createCommunityInput,
  getCommunityInput,
  getMemberInput,
  joinCommunityInput,
  listAuditInput,
  listMembersInput,
  myCommunitiesInput,
  setRoleInput,
  updateProfileInput,
  updateRulesInput,
} from './inputs';

/** The `community` cloud function's actions (API.md v1, v2 "Members and roles", v3 "Communities an owner sets up"), plus binding WeChat groups. */
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
  mine: action(myCommunitiesInput, myCommunities),
  byGroup: action(byGroupInput, byGroup),
} satisfies ActionsOf<Api['community']>;
