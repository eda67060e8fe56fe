import { acceptRefusal, type AcceptCase } from './qa';

const base: AcceptCase = {
  caller: 'asker',
  callerIsStaff: false,
  asker: 'asker',
  answerer: 'helper',
  answerId: 'a1',
  answerHeld: false,
  acceptedAnswerId: null,
};

describe('who may accept an answer', () => {
  it.each<[string, Partial<AcceptCase>, string | null]>([
    ['the asker', {}, null],
    ['a moderator', { caller: 'mod', callerIsStaff: true }, null],
    ['another member', { caller: 'someone' }, 'FORBIDDEN'],
    ['the answerer, even as staff', { caller: 'helper', callerIsStaff: true }, 'FORBIDDEN'],
    ["staff, for the asker's own answer", { caller: 'mod', callerIsStaff: true, answerer: 'asker' }, 'FORBIDDEN'],
    ['anyone, while the answer is held', { answerHeld: true }, 'CONFLICT'],
    ['anyone, once an answer is accepted', { acceptedAnswerId: 'a2' }, 'ALREADY_DONE'],
  ])('%s', (_who, change, code) => {
    expect(acceptRefusal({ ...base, ...change })?.code ?? null).toBe(code);
  });
});
