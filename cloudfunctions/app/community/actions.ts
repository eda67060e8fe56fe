import { action, type Actions } from '../dispatch';
import { bindGroup, bindGroupInput } from './bindGroup';
import { createCommunity, createCommunityInput } from './createCommunity';
import { getCommunity, getCommunityInput } from './getCommunity';
import { joinCommunity, joinCommunityInput } from './joinCommunity';
import { listMembers, listMembersInput } from './listMembers';
import { setRole, setRoleInput } from './setRole';
import { updateRules, updateRulesInput } from './updateRules';

/** The `community` cloud function's actions (API.md), plus binding WeChat groups. */
export const communityActions = {
  create: action(createCommunityInput, createCommunity),
  get: action(getCommunityInput, getCommunity),
  join: action(joinCommunityInput, joinCommunity),
  updateRules: action(updateRulesInput, updateRules),
  setRole: action(setRoleInput, setRole),
  members: action(listMembersInput, listMembers),
  bindGroup: action(bindGroupInput, bindGroup),
} satisfies Actions;
