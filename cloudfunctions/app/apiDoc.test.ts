import { readFileSync } from 'node:fs';
import { API_DOC, apiDoc } from '../../scripts/apiDoc';

/** #28 item 8: the repository documents its own API, from the contract's types; run `npm run docs:api` after changing them. */
it('docs/API.md is what the contract types say', () => {
  expect(readFileSync(API_DOC, 'utf8')).toBe(apiDoc());
}, 30_000);
