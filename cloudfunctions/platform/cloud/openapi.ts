import { randomBytes } from 'node:crypto';
import type { ContentSecurity, Downloads, MiniProgramCodes, OpenData, RiskControl, Suggest, TextScene } from '../ports';

/** The part of wx-server-sdk's `cloud.openapi` and storage this project calls. */
export interface WxOpenApi {
  openapi: {
    security: {
      msgSecCheck(params: {
        openid: string;
        scene: number;
        version: 2;
        content: string;
      }): Promise<{ result?: { suggest: Suggest; label: number | string } }>;
      mediaCheckAsync(params: {
        openid: string;
        scene: number;
        version: 2;
        mediaUrl: string;
        mediaType: 2;
      }): Promise<{ traceId?: string; trace_id?: string }>;
    };
    riskControl: {
      getUserRiskRank(params: { appid: string; openid: string; scene: 1; clientIp: string }): Promise<{ riskRank?: number }>;
    };
    wxacode: {
      getUnlimited(params: { scene: string; page: string; checkPath: boolean }): Promise<{ buffer: Buffer }>;
    };
  };
  getOpenData(params: { list: string[] }): Promise<{ list?: Array<{ cloudID: string; data?: { opengid?: string; openGId?: string } }> }>;
  getTempFileURL(params: {
    fileList: Array<string | { fileID: string; maxAge: number }>;
  }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string }> }>;
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getWXContext(): { APPID?: string };
}

const SCENES: Record<TextScene, number> = { profile: 1, comment: 2, forum: 3 };

/** msgSecCheck v2 labels (the documented codes) in the words a moderator reads. */
const LABELS: Record<string, string> = {
  '10001': '广告',
  '20001': '时政',
  '20002': '色情',
  '20003': '辱骂',
  '20006': '违法犯罪',
  '20008': '欺诈',
  '20012': '低俗',
  '20013': '版权',
  '21000': '其他',
};

export const labelText = (label: number | string | undefined | null): string | null =>
  label === undefined || label === null || String(label) === '100' ? null : (LABELS[String(label)] ?? `其他(${label})`);

/** WeChat's content security (security.msgSecCheck v2 and security.mediaCheckAsync). */
export function wxContentSecurity(cloud: WxOpenApi): ContentSecurity {
  return {
    async checkText({ openid, scene, text }) {
      const { result } = await cloud.openapi.security.msgSecCheck({ openid, scene: SCENES[scene], version: 2, content: text });
      return { suggest: result?.suggest ?? 'review', label: labelText(result?.label) };
    },
    async startImageCheck({ openid, fileId }) {
      const [file] = (await cloud.getTempFileURL({ fileList: [fileId] })).fileList;
      const answer = await cloud.openapi.security.mediaCheckAsync({
        openid,
        scene: SCENES.forum,
        version: 2,
        mediaUrl: file.tempFileURL,
        mediaType: 2,
      });
      const traceId = answer.traceId ?? answer.trace_id;
      if (!traceId) throw new Error('mediaCheckAsync returned no traceId');
      return { traceId };
    },
  };
}

/** riskControl.getUserRiskRank, scene 1 (marketing: rewards and invitations). */
export function wxRiskControl(cloud: WxOpenApi): RiskControl {
  return {
    async userRiskRank({ openid, clientIp }) {
      const { riskRank } = await cloud.openapi.riskControl.getUserRiskRank({
        appid: cloud.getWXContext().APPID ?? '',
        openid,
        scene: 1,
        clientIp: clientIp ?? '',
      });
      return riskRank ?? 0;
    },
  };
}

/** The group behind a cloudID, opened by WeChat on the server (cloud.getOpenData); null when it will not open. */
export function wxOpenData(cloud: WxOpenApi): OpenData {
  return {
    async groupOf(cloudID) {
      try {
        const data = (await cloud.getOpenData({ list: [cloudID] })).list?.[0]?.data;
        return data?.opengid || data?.openGId || null;
      } catch {
        return null;
      }
    },
  };
}

/** A mini-program code (wxacode.getUnlimited) stored in cloud storage; its file ID displays in <Image>. */
export function wxMiniProgramCodes(cloud: WxOpenApi): MiniProgramCodes {
  return {
    async codeFor({ page, scene }) {
      const { buffer } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false });
      const { fileID } = await cloud.uploadFile({ cloudPath: `codes/${scene.replace(/[^A-Za-z0-9_-]/g, '_')}.png`, fileContent: buffer });
      return fileID;
    },
  };
}

/**
 * An export in cloud storage, under a path nobody can guess, and a temporary URL for an hour
 * (getTempFileURL's maxAge): Taro.downloadFile fetches it, openDocument shows it.
 */
export function wxDownloads(cloud: WxOpenApi): Downloads {
  return {
    async publish({ name, content }) {
      const cloudPath = `exports/${new Date().toISOString().slice(0, 10)}/${randomBytes(12).toString('hex')}/${name}`;
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content });
      const [file] = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] })).fileList;
      return { url: file.tempFileURL };
    },
  };
}
