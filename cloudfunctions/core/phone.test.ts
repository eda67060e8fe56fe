import { phoneDigits } from './phone';

describe('a shipping phone', () => {
  it('takes a mobile or a landline with its area code, spaced or dashed, with or without +86', () => {
    for (const [text, digits] of [
      ['13800138000', '13800138000'],
      ['138 0013 8000', '13800138000'],
      ['+86 138-0013-8000', '13800138000'],
      ['8613800138000', '13800138000'],
      ['020-81167888', '02081167888'],
      ['0755 8888 8888', '075588888888'],
    ])
      expect([text, phoneDigits(text)]).toEqual([text, digits]);
  });

  it('refuses what cannot be dialled in mainland China', () => {
    for (const text of ['', 'x', '12345', '12800138000', '1380013800', '138001380001', '81167888', '+1 415 555 0100', '1380013800a'])
      expect([text, phoneDigits(text)]).toEqual([text, null]);
  });
});
