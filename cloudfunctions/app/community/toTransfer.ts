import type { TransferView } from '../../contract/views';
import type { Found, LedgerDoc } from '../kernel/documents';

export type { TransferView };

/** A transfer as the console lists it: which way, with whom, how much, when, and the message. */
export const toTransfer = (entry: Found<LedgerDoc>): TransferView => {
  const sent = entry.delta < 0;
  const other = String((sent ? entry.detail?.to : entry.detail?.from) ?? '');
  return {
    direction: sent ? ('out' as const) : ('in' as const),
    openid: other,
    points: Math.abs(entry.delta),
    reason: entry.reason,
    message: (entry.detail?.message as string | null) ?? null,
    createdAt: entry.createdAt,
  };
};
