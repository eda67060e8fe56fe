import { TextDecoder, TextEncoder } from 'node:util';

/**
 * The weapp tests run the cloud functions in the page's jsdom, which has no TextDecoder; the real
 * functions run on Node, which has it (with every encoding a spreadsheet comes in: GBK, UTF-16).
 */
Object.assign(globalThis, { TextDecoder, TextEncoder });
