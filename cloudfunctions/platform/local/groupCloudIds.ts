import type { OpenData } from '../ports';

/**
 * The local stand-in for WeChat's group cloudIDs: what wx.getGroupEnterInfo gives in a group
 * (`GET /dev/group-enter` issues one), and opening one on the server, as cloud.getOpenData does.
 * They expire like WeChat's.
 */
const PREFIX = 'local-group.';
export const CLOUD_ID_TTL_MS = 5 * 60_000;

export function issueGroupCloudId(opengid: string, now: Date): string {
  return PREFIX + Buffer.from(JSON.stringify({ opengid, exp: now.getTime() + CLOUD_ID_TTL_MS })).toString('base64url');
}

export type OpenedCloudId = { cloudID: string; data: { opengid: string } } | { cloudID: string; errCode: number; errMsg: string };

export function openGroupCloudId(cloudID: string, now: Date): OpenedCloudId {
  try {
    if (!cloudID.startsWith(PREFIX)) throw new Error('foreign');
    const { opengid, exp } = JSON.parse(Buffer.from(cloudID.slice(PREFIX.length), 'base64url').toString('utf8')) as {
      opengid: string;
      exp: number;
    };
    if (typeof opengid !== 'string' || typeof exp !== 'number') throw new Error('malformed');
    if (exp < now.getTime()) return { cloudID, errCode: -601006, errMsg: 'cloudID expired' };
    return { cloudID, data: { opengid } };
  } catch {
    return { cloudID, errCode: -601007, errMsg: 'invalid cloudID' };
  }
}

export const localOpenData = (): OpenData => ({
  async groupOf(cloudID, now) {
    const opened = openGroupCloudId(cloudID, now);
    return 'data' in opened ? opened.data.opengid : null;
  },
});
