import { describe, expect, it } from 'vitest';
import { toTurnFailure } from '../../../src/main/chat/errors';
import { RelayError } from '../../../src/main/relay';
import { ServiceError } from '../../../src/main/settings/ServiceError';

describe('toTurnFailure', () => {
  it('keeps a relay error’s kind, hint, retry delay and partial text', () => {
    const err = new RelayError('rate_limited', 'Too many requests.', {
      hint: 'Wait a moment.',
      retryAfterMs: 3000,
      partial: { content: 'abc', reasoning: '' },
    });
    expect(toTurnFailure(err)).toEqual({
      kind: 'rate_limited',
      message: 'Too many requests.',
      hint: 'Wait a moment.',
      retryAfterMs: 3000,
      partial: { content: 'abc', reasoning: '' },
    });
  });

  it.each([
    ['key_missing', 'auth'],
    ['no_profile', 'auth'],
    ['model_missing', 'model_not_found'],
    ['settings_write_failed', 'bad_request'],
  ])('a profile problem %s becomes the %s card', (code, kind) => {
    expect(toTurnFailure(new ServiceError(code, 'Explained.')).kind).toBe(kind);
  });
});
