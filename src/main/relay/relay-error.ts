import { FleeceError } from '../errors/FleeceError';

export type { PartialText } from '../errors/FleeceError';

/** What a stream stopped by the user (or by its owner) fails with. */
export function abortedError(): FleeceError {
  return new FleeceError('aborted', { text: 'relay_stopped' });
}
