import * as z from 'zod';

/** The `jobs` function's action inputs: what each action accepts, checked before it runs. */

export const expirePointsInput = z.object({}).strip();

export const rollupStatsInput = z.object({}).strip();

export const reviewTiersInput = z.object({}).strip();

export const monthlyAwardsInput = z.object({}).strip();

export const settlePoolsInput = z.object({}).strip();

export const expireUnpaidInput = z.object({}).strip();

export const tickInput = z.object({}).strip();

export const settleRefundsInput = z.object({}).strip();

export const runBatchesInput = z.object({}).strip();

export const remindInput = z.object({}).strip();
export const remindEventsInput = z.object({}).strip();
