import { CLOUD_ID_TTL_MS, issueGroupCloudId } from '../platform/local/groupCloudIds';
import { swapCloudIds } from './cloudIds';

const now = new Date('2026-06-01T02:00:00Z');

describe('the local CloudID swap', () => {
  it('opens a fresh group cloudID into its opengid, leaving other parameters alone', () => {
    const cloudID = issueGroupCloudId('G-family', now);
    expect(swapCloudIds({ action: 'join', communityId: 'c1', groupCloudId: { $cloudID: cloudID } }, now)).toEqual({
      action: 'join',
      communityId: 'c1',
      groupCloudId: { cloudID, data: { opengid: 'G-family' } },
    });
  });

  it('answers an expired or foreign cloudID with an error, as the platform does', () => {
    const cloudID = issueGroupCloudId('G', now);
    const later = new Date(now.getTime() + CLOUD_ID_TTL_MS + 1);
    expect(swapCloudIds({ g: { $cloudID: cloudID } }, later)).toEqual({ g: { cloudID, errCode: -601006, errMsg: 'cloudID expired' } });
    expect(swapCloudIds({ g: { $cloudID: 'wx-real-id' } }, now)).toEqual({
      g: { cloudID: 'wx-real-id', errCode: -601007, errMsg: 'invalid cloudID' },
    });
    expect(swapCloudIds({ g: { $cloudID: 'x', extra: 1 } }, now)).toEqual({ g: { $cloudID: 'x', extra: 1 } });
  });
});
