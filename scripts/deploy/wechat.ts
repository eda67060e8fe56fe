import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadMiniprogramCi } from '../miniprogramCi.mjs';
import type { DeployedFunction, DeployTarget } from './apply';
import type { IndexPlan } from './plan';

export interface Credentials {
  appid: string;
  envId: string;
  /** The upload key file (小程序后台 → 开发管理 → 开发设置 → 小程序代码上传 → 上传密钥). */
  privateKeyPath: string;
  /** Where this machine remembers the last mini-program version it uploaded (WeChat has no query for it). */
  statePath: string;
}

/**
 * The WeChat environment through miniprogram-ci, the way WeChat DevTools does it, with the same
 * upload key: its exported calls for code (cloud.uploadFunction, cloud.createTimeTrigger, upload)
 * and its cloud API for what it exports no call for — collections, indexes and security rules
 * (flexdb and tcb, as the console's 数据库 page) and a function's runtime, timeout and
 * environment (scf). Kept thin:
 * each method is one call and a translation of its shape.
 */
export function wechatTarget(credentials: Credentials, weappDir: string): DeployTarget {
  const { ci, require } = loadMiniprogramCi();
  const project = new ci.Project({ appid: credentials.appid, type: 'miniProgram', projectPath: weappDir, privateKeyPath: credentials.privateKeyPath, ignores: ['node_modules/**/*'] });
  const { initEnvironmentByProject } = require('miniprogram-ci/dist/ci/cloud/utils');
  const { get3rdCloudCodeSecret } = require('miniprogram-ci/dist/ci/cloud/cloudapi');
  type Cloud = { currentEnv: { envId: string; databases: Array<{ instanceId: string; region: string }>; functions: Array<{ region: string }> }; cloudAPI: Record<string, (...args: unknown[]) => Promise<any>> };
  let cloud: Promise<Cloud> | undefined;
  const api = () => (cloud ??= initEnvironmentByProject(project, credentials.envId));
  const database = async () => {
    const { currentEnv, cloudAPI } = await api();
    const db = currentEnv.databases[0];
    if (!db) throw new Error(`environment ${credentials.envId} has no database: open 云开发控制台 once to create it`);
    return { cloudAPI, tag: db.instanceId, region: db.region };
  };
  const functions = async () => {
    const { currentEnv, cloudAPI } = await api();
    return { cloudAPI, region: currentEnv.functions[0]?.region ?? '', codeSecret: await get3rdCloudCodeSecret(project) };
  };
  const DIRECTION = { asc: '1', desc: '-1' } as const;

  return {
    async collections() {
      const { cloudAPI, tag, region } = await database();
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const { tables, pager } = await cloudAPI.flexdbListTables({ tag, region, mgoLimit: 100, mgoOffset: offset });
        names.push(...tables.map((table: { tableName: string }) => table.tableName));
        if (offset + 100 >= pager.total) return names;
      }
    },
    async createCollection(name) {
      const { cloudAPI, tag, region } = await database();
      await cloudAPI.flexdbCreateTable({ tag, region, tableName: name });
    },
    async indexes(collection) {
      const { cloudAPI, tag, region } = await database();
      const { indexes } = await cloudAPI.flexdbDescribeTable({ tag, region, tableName: collection });
      return indexes
        .filter((index: { name: string }) => index.name !== '_id_')
        .map((index: { name: string; keys: Array<{ name: string; direction: string }> }): IndexPlan => ({ name: index.name, fields: index.keys.map((key) => [key.name, key.direction === '-1' ? 'desc' : 'asc']) }));
    },
    async createIndexes(collection, indexes) {
      const { cloudAPI, tag, region } = await database();
      await cloudAPI.flexdbUpdateTable({
        tag,
        region,
        tableName: collection,
        createIndexes: indexes.map((index) => ({ indexName: index.name, mgoKeySchema: { mgoIndexKeys: index.fields.map(([name, direction]) => ({ name, direction: DIRECTION[direction] })), mgoIsUnique: false } })),
      });
    },
    async securityRule(collection) {
      const { cloudAPI, region } = await database();
      const { rule, aclTag } = await cloudAPI.tcbDescribeSafeRule({ region, envId: credentials.envId, collectionName: collection });
      return aclTag === 'CUSTOM' ? rule : null;
    },
    async setSecurityRule(collection, rule) {
      const { cloudAPI, region } = await database();
      await cloudAPI.tcbModifySafeRule({ region, envId: credentials.envId, collectionName: collection, aclTag: 'CUSTOM', rule });
    },
    async deployedFunction(name): Promise<DeployedFunction | null> {
      const { cloudAPI, codeSecret } = await functions();
      try {
        const info = await cloudAPI.scfGetFunctionInfo({ namespace: credentials.envId, region: '', functionName: name, codeSecret });
        return { runtime: info.runtime, timeoutSeconds: info.timeout, environment: Object.fromEntries(info.environment.variables.map((v: { key: string; value: string }) => [v.key, v.value])) };
      } catch (error) {
        if ((error as { code?: string }).code === 'ResourceNotFound.Function') return null;
        throw error;
      }
    },
    async uploadFunction(fn) {
      // remoteNpmInstall: the cloud installs wx-server-sdk from the bundle's package.json.
      await ci.cloud.uploadFunction({ project, env: credentials.envId, name: fn.name, path: fn.dir, remoteNpmInstall: true });
    },
    async configureFunction(name, config) {
      const { cloudAPI, region } = await functions();
      await cloudAPI.scfUpdateFunctionInfo({
        functionName: name,
        namespace: credentials.envId,
        region,
        runtime: config.runtime,
        timeout: config.timeoutSeconds,
        environment: { variables: Object.entries(config.environment).map(([key, value]) => ({ key, value })) },
      });
    },
    async setTriggers(name, triggers) {
      await ci.cloud.createTimeTrigger({ project, envId: credentials.envId, functionName: name, triggersConfig: triggers });
    },
    async uploadedMiniProgram() {
      return existsSync(credentials.statePath) ? (JSON.parse(readFileSync(credentials.statePath, 'utf8')).miniprogramSha ?? null) : null;
    },
    async uploadMiniProgram(miniprogram) {
      await ci.upload({ project, version: miniprogram.version, desc: miniprogram.description, setting: { es6: true, minify: true } });
      mkdirSync(dirname(credentials.statePath), { recursive: true });
      writeFileSync(credentials.statePath, JSON.stringify({ miniprogramSha: miniprogram.codeSha, version: miniprogram.version, at: new Date().toISOString() }, null, 2) + '\n');
    },
  };
}
