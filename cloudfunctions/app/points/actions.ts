import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { adjustPoints } from './adjustPoints';
import { getMyPoints } from './getMyPoints';
import { leaderboard } from './leaderboard';
import { listLedger } from './listLedger';
import { listBadges, listTasks, listTiers } from './engagementViews';
import { transferPoints } from './transferPoints';
import { bulkAward } from './bulkAward';
import { getBatch } from './getBatch';
import { memberCode } from '../purchases/memberCode';
import { scanMember } from '../purchases/scanMember';
import { purchase } from '../purchases/purchase';
import { refundPurchase } from '../purchases/refundPurchase';
import { memberCodeInput, purchaseInput, refundPurchaseInput, scanMemberInput } from '../purchases/inputs';
import { previewImport } from '../balances/previewImport';
import { importBalances } from '../balances/importBalances';
import { importRows, listImports } from '../balances/listImports';
import { claimBalance } from '../balances/claimBalance';
import { matchBalance } from '../balances/matchBalance';
import {
  claimBalanceInput,
  importBalancesInput,
  importRowsInput,
  listImportsInput,
  matchBalanceInput,
  previewImportInput,
} from '../balances/inputs';
import {
  adjustPointsInput,
  batchInput,
  bulkAwardInput,
  transferInput,
  badgesInput,
  getMyPointsInput,
  leaderboardInput,
  listLedgerInput,
  tasksInput,
  tiersInput,
} from './inputs';

/** The `points` cloud function's actions (API.md). */
export const pointsActions = {
  me: action(getMyPointsInput, getMyPoints),
  ledger: action(listLedgerInput, listLedger),
  adjust: action(adjustPointsInput, adjustPoints),
  leaderboard: action(leaderboardInput, leaderboard),
  tiers: action(tiersInput, listTiers),
  badges: action(badgesInput, listBadges),
  tasks: action(tasksInput, listTasks),
  transfer: action(transferInput, transferPoints),
  bulkAward: action(bulkAwardInput, bulkAward),
  batch: action(batchInput, getBatch),
  previewImport: action(previewImportInput, previewImport),
  importBalances: action(importBalancesInput, importBalances),
  imports: action(listImportsInput, listImports),
  importRows: action(importRowsInput, importRows),
  claimBalance: action(claimBalanceInput, claimBalance),
  matchBalance: action(matchBalanceInput, matchBalance),
  memberCode: action(memberCodeInput, memberCode),
  scanMember: action(scanMemberInput, scanMember),
  purchase: action(purchaseInput, purchase),
  refundPurchase: action(refundPurchaseInput, refundPurchase),
} satisfies ActionsOf<Api['points']>;
