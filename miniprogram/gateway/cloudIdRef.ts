/**
 * A cloudID to be opened by the platform (wx.cloud.CloudID). Stores pass this marker; the
 * cloud gateway turns it into a real wx.cloud.CloudID, the local runtime swaps it itself.
 */
export interface CloudIdRef {
  $cloudID: string;
}

export const cloudIdRef = (cloudID: string): CloudIdRef => ({ $cloudID: cloudID });
