import { readSheet, type SheetProblem, type SheetRow } from '../../core/balanceSheet';
import { refuse } from '../../core/errors';

/** The uploaded file read as a sheet; a file that is no sheet at all is refused with why. */
export function sheetOf(base64: string): { rows: SheetRow[]; problems: SheetProblem[] } {
  const sheet = readSheet(Buffer.from(base64, 'base64'));
  return 'refused' in sheet ? refuse('INVALID_INPUT', sheet.refused) : sheet;
}

export const pointsOf = (rows: readonly SheetRow[]): number => rows.reduce((sum, row) => sum + row.points, 0);
