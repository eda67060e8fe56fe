import { storeContract } from '../testing/contract';
import { sdkStore } from '../testing/sdkStore';

/**
 * The store through the real wx-server-sdk and @cloudbase/database, only the HTTP call answered
 * by sdkWire: the same contract the double passes, so the two agree on what the store relies on.
 */
storeContract('wxcloud through the real wx-server-sdk (HTTP answered by sdkWire)', () => sdkStore().store);
