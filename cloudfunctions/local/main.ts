import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jobsConfig from '../functions/jobs/config.json';
import { startFunctionsWorker, type CallFunction } from './functionsClient';
import { nextRun } from './schedule';
import { createLocalServer } from './server';

/**
 * The local runtime: every cloud function over HTTP on 127.0.0.1, the H5 app at /, the timer
 * jobs on their schedule, on an embedded SQLite file under DATA_DIR.
 */
async function main() {
  const port = Number(process.env.PORT ?? 8787);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const functions = startFunctionsWorker(join(dataDir, 'community-points.sqlite'), {
    wordsFile: join(dataDir, 'content-words.json'),
    riskFile: join(dataDir, 'risk-ranks.json'),
    downloadsDir: join(dataDir, 'downloads'),
  });
  if (await functions.seed(new Date())) console.log('已创建演示社群 demo（群主、管理员和三位成员）');

  const server = createLocalServer({
    call: functions.call,
    pay: functions.pay,
    staticDir: resolve(__dirname, '../../dist/h5'),
    uploadsDir: join(dataDir, 'uploads'),
    downloadsDir: join(dataDir, 'downloads'),
    log: (message, error) => console.error(message, error),
  });
  const timers = scheduleTriggers(functions.call);
  server.listen(port, '127.0.0.1', () => console.log(`社群积分 local runtime: http://127.0.0.1:${port}  (DATA_DIR=${dataDir})`));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the database`);
    timers.forEach(clearTimeout);
    server.close(() => {
      void functions.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Runs each timer trigger at its cron time, as the cloud would, and once at start to catch up. */
function scheduleTriggers(call: CallFunction): NodeJS.Timeout[] {
  const timers: NodeJS.Timeout[] = [];
  jobsConfig.triggers.forEach((trigger, index) => {
    const run = async () => {
      const result = await call('jobs', { action: trigger.name }, { openid: null, source: 'wx_trigger', now: new Date() });
      if (!result.ok) console.error(`timer ${trigger.name} failed`, result.error);
      else if (didWork(result.data)) console.log(`timer ${trigger.name}:`, JSON.stringify(result.data));
    };
    const arm = () => {
      const delay = nextRun(trigger.config, new Date()).getTime() - Date.now();
      timers[index] = setTimeout(() => void run().finally(arm), delay);
      timers[index].unref();
    };
    void run();
    arm();
  });
  return timers;
}

/** Whether a trigger's answer counted anything (a tick that only looked is not worth a line). */
const didWork = (data: unknown): boolean =>
  typeof data === 'number' ? data > 0 : typeof data === 'object' && data !== null && Object.values(data).some(didWork);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
