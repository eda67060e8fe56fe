/** Roles per community: the owner (its creator), moderators the owner appoints, and members. */
export type Role = 'owner' | 'moderator' | 'member';

/** Who may review content, moderate and fulfil orders. */
export const STAFF: readonly Role[] = ['owner', 'moderator'];
/** Who may change rules, roles and the mall. */
export const OWNER: readonly Role[] = ['owner'];

/** Each role's name, as owners and members read it (the app, exports). */
export const ROLE_NAMES: Record<Role, string> = { owner: '群主', moderator: '管理员', member: '成员' };

export const isStaff = (role: Role | null | undefined): boolean => role !== null && role !== undefined && STAFF.includes(role);

/**
 * The role a member may act in now. A ban suspends a moderator's staff powers with their own
 * earning and spending; the appointment itself stays, so lifting the ban gives them back.
 * (The owner cannot be banned.)
 */
export const actingRole = (member: { role: Role; banned?: unknown }): Role => (member.banned ? 'member' : member.role);

/** Whether this member may act as staff now: appointed, and not banned. */
export const actsAsStaff = (member: { role: Role; banned?: unknown }): boolean => isStaff(actingRole(member));
