import type * as z from 'zod';
import { OWNER } from '../../core/roles';
import { requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { previewImportInput } from './inputs';
import { pointsOf, sheetOf } from './sheetOf';

/** Rows a preview shows as a sample; every problem is shown, up to this many. */
const SAMPLE_ROWS = 20;
const PROBLEMS_SHOWN = 1000;

/** The owner sees what an import would do before it does anything: rows, points, every problem by line. Nothing is written. */
export async function previewImport(input: z.output<typeof previewImportInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const { rows, problems } = sheetOf(input.file);
  return {
    rows: rows.length,
    points: pointsOf(rows),
    sample: rows.slice(0, SAMPLE_ROWS),
    problems: problems.slice(0, PROBLEMS_SHOWN),
    problemCount: problems.length,
  };
}
