import { refuse } from './errors';

/**
 * Refusals said in more than one place, each named once, so the same situation is always
 * told in the same words (and a wording is changed in one place).
 */
export const refusals = {
  notMember: (): never => refuse('FORBIDDEN', '请先加入这个社群'),
  staffOnly: (): never => refuse('FORBIDDEN', '只有群主和管理员可以这样做'),
  ownerOnly: (): never => refuse('FORBIDDEN', '只有群主可以这样做'),
  ownerRoleFixed: (): never => refuse('FORBIDDEN', '群主的身份不能更改'),
  banned: (): never => refuse('FORBIDDEN', '你已被群主暂停参与积分活动，仍可浏览'),
  noSuchMember: (): never => refuse('NOT_FOUND', '这个人还不是社群成员'),
  noCommunity: (): never => refuse('NOT_FOUND', '社群不存在'),
  noItem: (): never => refuse('NOT_FOUND', '奖品不存在'),
  noOrder: (): never => refuse('NOT_FOUND', '订单不存在'),
  noBatch: (): never => refuse('NOT_FOUND', '这次批量操作不存在'),
  noImport: (): never => refuse('NOT_FOUND', '这次导入不存在'),
  noPost: (): never => refuse('NOT_FOUND', '帖子不存在'),
  noQuestion: (): never => refuse('NOT_FOUND', '问题不存在'),
  noCampaign: (): never => refuse('NOT_FOUND', '活动不存在'),
  noPool: (): never => refuse('NOT_FOUND', '没有这个捐赠或众筹'),
  idempotencyMismatch: (): never => refuse('IDEMPOTENCY_MISMATCH', '这个 requestId 已用于另一个请求'),
};
