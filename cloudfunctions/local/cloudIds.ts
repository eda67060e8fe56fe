/**
 * The local runtime's stand-in for WeChat's CloudID swap. In the mini-program a parameter made
 * with `wx.cloud.CloudID(cloudID)` reaches the cloud function already replaced by the open data
 * it stands for (`{cloudID, data}`), or by an error (`{cloudID, errCode, errMsg}`) when it has
 * expired. Locally the app sends `{"$cloudID": "<id>"}` and the runtime makes the same swap
 * before the function runs, so the function's code path is the cloud's.
 */
const PREFIX = 'local-group.';
/** WeChat's cloudIDs are short-lived; so are these. */
export const CLOUD_ID_TTL_MS = 5 * 60_000;

/** What wx.getGroupEnterInfo would give in a group: a cloudID for this group's opengid. */
export function issueGroupCloudId(opengid: string, now: Date): string {
  return PREFIX + Buffer.from(JSON.stringify({ opengid, exp: now.getTime() + CLOUD_ID_TTL_MS })).toString('base64url');
}

type Swapped = { cloudID: string; data: { opengid: string } } | { cloudID: string; errCode: number; errMsg: string };

function open(cloudID: string, now: Date): Swapped {
  try {
    if (!cloudID.startsWith(PREFIX)) throw new Error('foreign');
    const { opengid, exp } = JSON.parse(Buffer.from(cloudID.slice(PREFIX.length), 'base64url').toString('utf8')) as { opengid: string; exp: number };
    if (typeof opengid !== 'string' || typeof exp !== 'number') throw new Error('malformed');
    if (exp < now.getTime()) return { cloudID, errCode: -601006, errMsg: 'cloudID expired' };
    return { cloudID, data: { opengid } };
  } catch {
    return { cloudID, errCode: -601007, errMsg: 'invalid cloudID' };
  }
}

const isMarker = (value: unknown): value is { $cloudID: string } =>
  typeof value === 'object' && value !== null && typeof (value as { $cloudID?: unknown }).$cloudID === 'string' && Object.keys(value).length === 1;

/** The event with every top-level CloudID marker swapped, as the platform does. */
export function swapCloudIds(event: unknown, now: Date): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  return Object.fromEntries(Object.entries(event).map(([key, value]) => [key, isMarker(value) ? open(value.$cloudID, now) : value]));
}
