import { openGroupCloudId } from '../platform/local/groupCloudIds';

/**
 * The local runtime's stand-in for WeChat's CloudID swap. In the mini-program a parameter made
 * with `wx.cloud.CloudID(cloudID)` reaches the cloud function already replaced by the open data
 * it stands for (`{cloudID, data}`), or by an error (`{cloudID, errCode, errMsg}`) when it has
 * expired. Locally the app sends `{"$cloudID": "<id>"}` and the runtime makes the same swap
 * before the function runs, so the function's code path is the cloud's.
 */
const isMarker = (value: unknown): value is { $cloudID: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { $cloudID?: unknown }).$cloudID === 'string' &&
  Object.keys(value).length === 1;

/** The event with every top-level CloudID marker swapped, as the platform does. */
export function swapCloudIds(event: unknown, now: Date): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  return Object.fromEntries(
    Object.entries(event).map(([key, value]) => [key, isMarker(value) ? openGroupCloudId(value.$cloudID, now) : value]),
  );
}
