import type { Platform, RiskControl } from '../ports';
import { localDownloads } from './downloads';
import { localOpenData } from './groupCloudIds';
import { localPayment } from './localPayment';
import { outboxMessenger } from './outbox';
import { wordListSecurity, type WordList } from './wordListSecurity';

/** Locally nobody is risky unless set (DATA_DIR/risk-ranks.json: {"openid": rank}). */
export const fixedRisk = (ranks: Record<string, number> = {}): RiskControl => ({
  async userRiskRank({ openid }) {
    return ranks[openid] ?? 0;
  },
});

/** The stand-ins for WeChat's open APIs on one machine (local runtime and tests). */
export const localPlatform = (options: { words?: WordList; riskRanks?: Record<string, number>; downloadsDir?: string } = {}): Platform => ({
  openData: localOpenData(),
  content: wordListSecurity(options.words),
  messages: outboxMessenger(),
  risk: fixedRisk(options.riskRanks),
  codes: { codeFor: async () => null },
  downloads: localDownloads(options.downloadsDir),
  payment: localPayment(),
});
