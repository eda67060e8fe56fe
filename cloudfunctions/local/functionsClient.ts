import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FunctionName } from '../app/actions';
import type { CallContext } from '../app/kernel/context';
import type { Envelope } from '../app/kernel/envelope';

type Request =
  | { type: 'call'; fn: FunctionName; event: unknown; context: CallContext }
  | { type: 'pay'; orderId: string; success: boolean; now: Date }
  | { type: 'seed'; now: Date }
  | { type: 'close' };
export type WorkerRequest = Request & { id: number };
export type WorkerReply = { id: number; result: Envelope | boolean };

export type CallFunction = (fn: FunctionName, event: unknown, context: CallContext) => Promise<Envelope>;
/** Plays WeChat Pay's result for an order (POST /dev/pay). */
export type PlayPayment = (orderId: string, success: boolean, now: Date) => Promise<Envelope>;

/** Starts the functions worker (see functionsWorker.ts) and talks to it by message. */
/**
 * `wordsFile`: the owner's content word list (DATA_DIR/content-words.json); `riskFile`: risk
 * ranks to pretend for some openids (DATA_DIR/risk-ranks.json). Both optional.
 */
export function startFunctionsWorker(
  databaseFile: string,
  platformFiles: { wordsFile?: string; riskFile?: string; downloadsDir?: string } = {},
) {
  // Loader hooks do not reach worker threads: register tsx's require hook, then load the source.
  const entry = JSON.stringify(join(__dirname, 'functionsWorker.ts'));
  const worker = new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true, workerData: { databaseFile, ...platformFiles } });
  const pending = new Map<number, (result: WorkerReply['result']) => void>();
  let nextId = 0;
  worker.on('message', ({ id, result }: WorkerReply) => {
    pending.get(id)?.(result);
    pending.delete(id);
  });
  worker.on('error', (error) => {
    console.error('functions worker failed', error);
    process.exit(1);
  });
  const send = <T extends WorkerReply['result']>(request: Request): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (result: WorkerReply['result']) => void);
      worker.postMessage({ ...request, id });
    });
  return {
    call: ((fn, event, context) => send<Envelope>({ type: 'call', fn, event, context })) as CallFunction,
    pay: ((orderId, success, now) => send<Envelope>({ type: 'pay', orderId, success, now })) as PlayPayment,
    seed: (now: Date) => send<boolean>({ type: 'seed', now }),
    close: () => send<boolean>({ type: 'close' }),
  };
}
