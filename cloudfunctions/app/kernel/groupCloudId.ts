import * as z from 'zod';
import type { OpenData } from '../../platform/ports';

/**
 * What a `wx.cloud.CloudID(cloudID)` parameter arrives as in a cloud function (contract's
 * OpenedCloudId): the platform swaps it for the decrypted open data, or for an error (an expired
 * or foreign cloudID). The local runtime performs the same swap (local/cloudIds.ts).
 */
export const groupCloudIdInput = z.object({
  cloudID: z.string().max(512),
  data: z
    .object({ opengid: z.string().max(128), openGId: z.string().max(128) })
    .partial()
    .optional(),
  errCode: z.number().optional(),
  errMsg: z.string().max(500).optional(),
});

export type GroupCloudId = z.output<typeof groupCloudIdInput>;

/**
 * The group's opengid, opened on the server from the cloudID alone (Platform.openData), or null
 * when it will not open (expired, forged, not a group's). What the event says the cloudID holds
 * (`data`) is never believed: a client can send any object in its place.
 */
export async function openGroup(openData: OpenData, cloudId: GroupCloudId | undefined, now: Date): Promise<string | null> {
  if (!cloudId || cloudId.errCode) return null;
  return openData.groupOf(cloudId.cloudID, now);
}
