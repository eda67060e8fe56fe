import { payNotifyEntry } from '../../cloud/entry';

/** WeChat Pay's result callback (cloudPay.unifiedOrder's functionName): never an API for clients. */
export const main = payNotifyEntry();
