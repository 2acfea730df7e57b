import { describe, expect, it } from 'vitest';
import { ChatError, toTurnFailure, UNEXPECTED_FAILURE } from '../../../src/main/chat/errors';
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

  it('an exception nobody wrote for users gets a generic message, flagged to be logged', () => {
    for (const error of [
      new TypeError("Cannot read properties of undefined (reading 'model')"),
      new ChatError('bad_request', 'not a service error: no toAppError'),
      Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }),
      'a thrown string',
      undefined,
    ]) {
      expect(toTurnFailure(error)).toEqual({
        kind: 'bad_request',
        message: UNEXPECTED_FAILURE,
        unexpected: true,
      });
    }
  });

  it('a service error keeps its own message and hint', () => {
    const error = new ServiceError('key_missing', 'No API key is set.', { hint: 'Add one.' });
    expect(toTurnFailure(error)).toEqual({
      kind: 'auth',
      message: 'No API key is set.',
      hint: 'Add one.',
    });
    expect(toTurnFailure(new ServiceError('constructor', 'Odd code.')).kind).toBe('bad_request');
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
