import { ApiError } from '../gateway/gateway';

/** What to tell a member when a call fails: the server's own words, or a hint to retry. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '网络开小差了，请稍后重试';
}
