import type { Deps } from '../app/kernel/context';
import { DomainError } from '../core/errors';
import { failure, success, type Envelope } from '../app/kernel/envelope';
import { applyPayment } from '../app/mall/applyPayment';

/**
 * POST /dev/pay: WeChat Pay's result for an order, as the local cashier or a test says it, with
 * no other checks (API.md). The cloud's payNotify asks WeChat Pay itself before believing one.
 */
export async function playPayment(deps: Deps, orderId: string, succeeded: boolean, now: Date): Promise<Envelope> {
  try {
    return success(
      await applyPayment(deps, { orderId, success: succeeded, transactionId: succeeded ? `local_${orderId}` : null, amountFen: null }, now),
    );
  } catch (error) {
    if (error instanceof DomainError) return failure(error.code, error.message);
    throw error;
  }
}
