/** Roles per community: the owner (its creator), moderators the owner appoints, and members. */
export type Role = 'owner' | 'moderator' | 'member';

/** Who may review content, moderate and fulfil orders. */
export const STAFF: readonly Role[] = ['owner', 'moderator'];
/** Who may change rules, roles and the mall. */
export const OWNER: readonly Role[] = ['owner'];

export const isStaff = (role: Role | null | undefined): boolean => role !== null && role !== undefined && STAFF.includes(role);
