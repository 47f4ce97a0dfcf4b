import { describe, expect, it } from 'vitest';

import { describeError } from '../../../main/kernel/describe-error';

describe('describeError', () => {
  it('gives the message, the system code behind a failed network call, and plain words for a timeout', () => {
    expect(describeError(new Error('the queue answered HTTP 500'))).toBe('the queue answered HTTP 500');
    expect(describeError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(
      'fetch failed: ECONNREFUSED',
    );
    expect(describeError(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(
      'no answer in time',
    );
  });

  it('describes what is not an Error without throwing', () => {
    expect(describeError('closed')).toBe('closed');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError({ cause: { code: 1 } })).toBe('[object Object]');
  });
});
