import { readableCode } from '../kernel/readableCode';

/**
 * A row's claim code: from the import's secret and the row's line, so writing the row again (a
 * page done twice) makes the same code; `attempt` moves past a code another row already holds.
 */
export const claimCode = (secret: string, line: number, attempt: number): string => readableCode(`${secret}:${line}:${attempt}`);
