import { DomainError } from './errors';
import { postAfter, type PostMove, type PostStatus } from './posts';

const outcome = (status: PostStatus, move: PostMove) => {
  try {
    return postAfter(status, move);
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('the post status machine', () => {
  it.each([
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['pending', 'revoke', 'CONFLICT'],
    ['pending', 'takeDown', 'removed'],
    ['rejected', 'approve', 'approved'],
    ['rejected', 'reject', 'ALREADY_DONE'],
    ['rejected', 'revoke', 'CONFLICT'],
    ['approved', 'approve', 'ALREADY_DONE'],
    ['approved', 'reject', 'ALREADY_DONE'],
    ['approved', 'revoke', 'removed'],
    ['approved', 'takeDown', 'removed'],
    ['removed', 'approve', 'CONFLICT'],
    ['removed', 'reject', 'CONFLICT'],
    ['removed', 'revoke', 'ALREADY_DONE'],
    ['removed', 'takeDown', 'ALREADY_DONE'],
  ] as Array<[PostStatus, PostMove, string]>)('%s + %s -> %s', (status, move, expected) => {
    expect(outcome(status, move)).toBe(expected);
  });
});
