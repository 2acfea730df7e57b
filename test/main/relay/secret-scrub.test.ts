import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listModels, probe, FleeceError } from '../../../src/main/relay/index';
import { KEY_PLACEHOLDER, scrubSecret } from '../../../src/main/relay/secret-scrub';
import {
  completionChunk,
  errorResponse,
  startFakeRelay,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { run } from './helpers';

const KEY = 'hsa-9f3c2b7e1d4a5f6081726354aabbccdd';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay({ apiKey: KEY });
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

/** Neither the key nor its first or last 8 characters appear anywhere in `value`. */
function expectNoKey(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(KEY.slice(0, 8));
  expect(text).not.toContain(KEY.slice(-8));
}

/** Everything of an error that is shown or logged. */
function shown(error: FleeceError | undefined): unknown {
  return { message: error?.message, text: error?.text, hint: error?.hint, detail: error?.detail };
}

describe('scrubSecret', () => {
  it('hides the key, a cut-off start of it, and a masked form showing its end', () => {
    expect(scrubSecret(`Invalid token ${KEY}.`, KEY)).toBe(`Invalid token ${KEY_PLACEHOLDER}.`);
    expect(scrubSecret(`Invalid token ${KEY.slice(0, 12)}…`, KEY)).toBe(
      `Invalid token ${KEY_PLACEHOLDER}…`,
    );
    expect(scrubSecret(`key ${KEY.slice(0, 8)}****${KEY.slice(-10)} refused`, KEY)).toBe(
      `key ${KEY_PLACEHOLDER}****${KEY_PLACEHOLDER} refused`,
    );
    expect(scrubSecret(`${KEY}${KEY}`, KEY)).toBe(KEY_PLACEHOLDER);
  });

  it('leaves text alone when only short fragments match, or there is no key', () => {
    const text = 'HolySheep needs its own hsa- key; yours ends in …ccdd.';
    expect(scrubSecret(text, KEY)).toBe(text);
    expect(scrubSecret(text, undefined)).toBe(text);
    expect(scrubSecret(`no ${KEY}`, '  ')).toBe(`no ${KEY}`);
    expect(scrubSecret('token abc123x refused', ' abc123x ')).toBe(
      `token ${KEY_PLACEHOLDER} refused`,
    );
  });
});

describe('the API key never appears in an error', () => {
  it('401 whose body quotes the key', async () => {
    relay.enqueue(errorResponse(401, `Invalid token ${KEY}`));
    const outcome = await run(relay.baseUrl, { apiKey: KEY });
    expect(outcome.error?.code).toBe('auth');
    expect(outcome.error?.text).toEqual({ code: 'relay_key_refused' });
    expect(outcome.error?.detail).toBe(`Invalid token ${KEY_PLACEHOLDER}`);
    expectNoKey(shown(outcome.error));
    expectNoKey(outcome.error?.toFailure());
  });

  it('an in-band {"error": …} mid-stream quoting the key, with the partial text kept', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'Hi' }) },
        {
          data: {
            error: {
              message: `Incorrect API key provided: ${KEY}. Find your key at the dashboard.`,
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          },
        },
      ],
    });
    const outcome = await run(relay.baseUrl, { apiKey: KEY });
    expect(outcome.error?.code).toBe('auth');
    expect(outcome.error?.detail).toContain(`provided: ${KEY_PLACEHOLDER}.`);
    expect(outcome.error?.partial?.content).toBe('Hi');
    expectNoKey(shown(outcome.error));
  });

  it('an event: error frame and a line that is not JSON, both quoting the key', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [{ event: 'error', data: { message: `quota exhausted for ${KEY}`, code: 429 } }],
    });
    const frame = await run(relay.baseUrl, { apiKey: KEY });
    expect(frame.error?.code).toBe('rate_limited');
    expectNoKey(shown(frame.error));

    relay.enqueue({ type: 'stream', steps: [{ text: `oops ${KEY}` }] });
    const garbage = await run(relay.baseUrl, { apiKey: KEY });
    expect(garbage.error?.code).toBe('protocol');
    expectNoKey(shown(garbage.error));
  });

  it('an HTML error page whose title quotes the key', async () => {
    relay.enqueue({
      type: 'response',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>Gateway refused ${KEY}</title></head><body></body></html>`,
    });
    const outcome = await run(relay.baseUrl, { apiKey: KEY });
    expect(outcome.error?.code).toBe('server');
    expectNoKey(shown(outcome.error));
  });

  it('listModels and probe', async () => {
    relay.enqueueModels(errorResponse(401, `Invalid token ${KEY}`));
    const error = await listModels({ baseUrl: relay.baseUrl, apiKey: KEY }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FleeceError);
    expect((error as FleeceError).detail).toContain(KEY_PLACEHOLDER);
    expectNoKey(shown(error as FleeceError));

    relay.enqueueModels(errorResponse(403, `Token ${KEY.slice(0, 20)} is disabled`));
    const refused = await probe({ baseUrl: relay.baseUrl, apiKey: KEY, model: 'gpt-4o' });
    expect(refused.keyAccepted).toBe(false);
    expectNoKey(refused);

    relay.enqueue(errorResponse(401, `Invalid token ${KEY}`));
    const streamed = await probe({ baseUrl: relay.baseUrl, apiKey: KEY, model: 'gpt-4o' });
    expect(streamed.findings.find((f) => f.check === 'first_token')?.status).toBe('fail');
    expectNoKey(streamed);
  });
});
