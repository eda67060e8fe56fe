import type { Api } from '../api';
import { action, type ActionsOf } from '../dispatch';
import { bindGroup } from './bindGroup';
import { createCommunity } from './createCommunity';
import { getCommunity } from './getCommunity';
import { joinCommunity } from './joinCommunity';
import { listMembers } from './listMembers';
import { setRole } from './setRole';
import { updateRules } from './updateRules';
import { bindGroupInput, createCommunityInput, getCommunityInput, joinCommunityInput, listMembersInput, setRoleInput, updateRulesInput } from './inputs';

/** The `community` cloud function's actions (API.md), plus binding WeChat groups. */
export const communityActions = {
  create: action(createCommunityInput, createCommunity),
  get: action(getCommunityInput, getCommunity),
  join: action(joinCommunityInput, joinCommunity),
  updateRules: action(updateRulesInput, updateRules),
  setRole: action(setRoleInput, setRole),
  members: action(listMembersInput, listMembers),
  bindGroup: action(bindGroupInput, bindGroup),
} satisfies ActionsOf<Api['community']>;
