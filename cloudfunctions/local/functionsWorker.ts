import { existsSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { COMMUNITY_CACHE } from '../app/kernel/context';
import { makeDeps } from '../app/kernel/deps';
import { failure } from '../app/kernel/envelope';
import { HANDLERS } from '../app/handlers';
import { withReadCache } from '../store/readCache';
import { localPlatform } from '../platform/local/platform';
import { readWordList } from '../platform/local/wordListSecurity';
import { SqliteStore } from '../store/sqlite/sqliteStore';
import type { WorkerReply, WorkerRequest } from './functionsClient';
import { seedDemo } from './seed';
import { playPayment } from './playPayment';

/**
 * The local runtime's back half, on its own thread: it owns the SQLite database and runs the
 * cloud functions, while the main thread does HTTP. On two cores the halves run side by side.
 */
const store = withReadCache(new SqliteStore(workerData.databaseFile, undefined, { backgroundCheckpoint: true }), COMMUNITY_CACHE);
const readIfThere = (file: string | undefined) => (file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
const wordsJson = readIfThere(workerData.wordsFile);
const ranksJson = readIfThere(workerData.riskFile);
const deps = makeDeps({
  store,
  platform: localPlatform({
    words: wordsJson ? readWordList(wordsJson) : undefined,
    riskRanks: ranksJson ? JSON.parse(ranksJson) : undefined,
    downloadsDir: workerData.downloadsDir,
  }),
});
const port = parentPort!;

port.on('message', async (request: WorkerRequest) => {
  const reply = (result: WorkerReply['result']) => port.postMessage({ id: request.id, result } satisfies WorkerReply);
  try {
    if (request.type === 'call') reply(await HANDLERS[request.fn](request.event, request.context, deps));
    else if (request.type === 'pay') reply(await playPayment(deps, request.orderId, request.success, request.now));
    else if (request.type === 'seed') reply(await seedDemo(deps, request.now));
    else {
      await store.close?.();
      reply(true);
      port.close();
    }
  } catch (error) {
    deps.log?.('worker request failed', error);
    reply(failure('INTERNAL', '服务出了点问题，请稍后重试'));
  }
});
