import { describe, expect, it } from 'vitest';
import { toTurnFailure, UNEXPECTED_FAILURE } from '../../../src/main/chat/errors';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { coded, type Code } from '../../../src/shared/codes';

describe('toTurnFailure', () => {
  it('keeps a relay error’s kind, hint, retry delay and partial text', () => {
    const err = new FleeceError('rate_limited', {
      text: 'relay_limiting',
      hint: coded('hint_wait_retry'),
      retryAfterMs: 3000,
      partial: { content: 'abc', reasoning: '' },
    });
    expect(toTurnFailure(err)).toEqual({
      kind: 'rate_limited',
      text: { code: 'relay_limiting' },
      hint: { code: 'hint_wait_retry' },
      retryAfterMs: 3000,
      partial: { content: 'abc', reasoning: '' },
    });
  });

  it('an exception nobody reported on purpose gets a generic text, flagged to be logged', () => {
    for (const error of [
      new TypeError("Cannot read properties of undefined (reading 'model')"),
      Object.assign(new Error('not ours'), { code: 'bad_request', text: { code: 'auth' } }),
      Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }),
      'a thrown string',
      undefined,
    ]) {
      expect(toTurnFailure(error)).toEqual({
        kind: 'bad_request',
        text: UNEXPECTED_FAILURE,
        unexpected: true,
      });
    }
  });

  it('a service error keeps its own text and hint', () => {
    const error = new FleeceError('key_missing', {
      params: { profile: 'Work' },
      hint: coded('hint_enter_key'),
    });
    expect(toTurnFailure(error)).toEqual({
      kind: 'auth',
      text: { code: 'key_missing', params: { profile: 'Work' } },
      hint: { code: 'hint_enter_key' },
    });
    expect(toTurnFailure(new FleeceError('image_failed')).kind).toBe('bad_request');
  });

  it.each<[Code, string]>([
    ['key_missing', 'auth'],
    ['no_profile', 'auth'],
    ['model_missing', 'model_not_found'],
    ['settings_write_failed', 'bad_request'],
  ])('a profile problem %s becomes the %s card', (code, kind) => {
    expect(toTurnFailure(new FleeceError(code)).kind).toBe(kind);
  });
});
