import { MemoryWxDatabase } from './memoryWxDatabase';
import type { WxDatabase } from '../wxcloud/wxDatabase';
import { WxCloudStore } from '../wxcloud/wxcloudStore';
import { COLLECTIONS } from '../schema';
import { sdkWire, type WireRequest } from './sdkWire';

/**
 * A WxCloudStore on the real wx-server-sdk and @cloudbase/database, with only the HTTP call
 * replaced (sdkWire answers it over a fresh MemoryWxDatabase). For tests: importing this module
 * replaces @cloudbase/node-sdk's request for the test file.
 */
let mockWire: (opts: WireRequest) => Promise<unknown> = async () => {
  throw new Error('sdkStore() opens the wire');
};
jest.mock('@cloudbase/node-sdk/dist/utils/request', () => ({
  ...jest.requireActual('@cloudbase/node-sdk/dist/utils/request'),
  extraRequest: (opts: WireRequest) => mockWire(opts),
}));

interface Sdk {
  init(options: { env: string }): void;
  database(): unknown;
}
let cloud: Sdk | undefined;

export function sdkStore(options: { indexes?: boolean } = {}): { store: WxCloudStore; db: MemoryWxDatabase } {
  if (!cloud) {
    // What a cloud function's runtime sets: the SDK reads its credentials and where it runs from these.
    Object.assign(process.env, {
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: 'test-id',
      TENCENTCLOUD_SECRETKEY: 'test-key',
      TENCENTCLOUD_SESSIONTOKEN: 'test-token',
      SCF_NAMESPACE: 'env-test',
      TCB_ENV: 'env-test',
      SILENCE: 'true',
    });
    const sdk = require('wx-server-sdk') as Sdk;
    sdk.init({ env: 'env-test' });
    cloud = sdk;
  }
  const db = new MemoryWxDatabase(options.indexes ? { indexes: COLLECTIONS } : {});
  mockWire = sdkWire(db);
  return { store: new WxCloudStore(cloud!.database() as WxDatabase), db };
}
