/** Stored documents of the area (the collections are listed in kernel/documents.ts). Opening balances brought from a spreadsheet: the import and its rows waiting for their members. */

/**
 * Opening balances the owner imported from a spreadsheet (`{communityId}:{digest}`, the batch's
 * id too): its rows are written as OpeningBalanceDocs by the batch, each waiting for its member.
 * `secret` makes the rows' claim codes; it never leaves the server.
 */
export interface BalanceImportDoc {
  communityId: string;
  createdBy: string;
  createdAt: string;
  rows: number;
  points: number;
  /** Lines of the file left out for a problem (the owner chose to import the rest). */
  skippedLines: number[];
  secret: string;
  /** createdAt|id: newest first. */
  sortKey: string;
}

/**
 * One imported row (`{communityId}:{claimCode}`): a credit waiting for its member, claimed once —
 * by the code (or its link) or by the owner matching a member — and never credited twice, since
 * the claim and the credit are one transaction on this document.
 */
export interface OpeningBalanceDoc {
  communityId: string;
  importId: string;
  line: number;
  name: string;
  points: number;
  note: string;
  code: string;
  status: 'open' | 'claimed';
  claimedBy: string | null;
  claimedAt: string | null;
  claimedHow: 'code' | 'owner' | null;
  entryId: string | null;
  /** importId|status|line (zero-padded): an import's rows, open or claimed, in file order. */
  sortKey: string;
}
