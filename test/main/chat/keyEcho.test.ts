import { afterEach, describe, expect, it } from 'vitest';
import { maskEchoedKey } from '../../../src/main/chat/maskEchoedKey';
import { chatHarness, type Harness } from './chatHarness';

const KEY = 'hsa-0123456789abcdef0123';
const MASKED = 'hsa-…0123';

describe('maskEchoedKey', () => {
  it('replaces every copy of the key with its masked form', () => {
    expect(maskEchoedKey(`Your key is ${KEY}, yes ${KEY}.`, KEY)).toBe(
      `Your key is ${MASKED}, yes ${MASKED}.`,
    );
  });

  it('leaves text without the key, and short or missing keys, alone', () => {
    expect(maskEchoedKey('nothing secret', KEY)).toBe('nothing secret');
    expect(maskEchoedKey('the word abc', 'abc')).toBe('the word abc');
    expect(maskEchoedKey('text', undefined)).toBe('text');
  });
});

describe('a key echoed by the relay in its answer', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('is masked in the checkpoint and in the final record', async () => {
    h = await chatHarness(
      [
        [
          { wait: 5 },
          { content: `Echo: ${KEY.slice(0, 10)}` },
          { content: `${KEY.slice(10)} end`, reasoning: `I see ${KEY}` },
          { wait: 400 },
          { content: '.' },
          { done: 'stop' },
        ],
      ],
      {
        resolveTarget: async (c) => ({
          profileId: 'p1',
          baseUrl: 'http://127.0.0.1:9/v1',
          apiKey: KEY,
          model: c.model ?? 'gpt-4o-mini',
        }),
      },
    );
    const ids = await h.service.send({ text: 'Repeat my Authorization header' });
    const id = ids.assistant.id;
    await h.clock.runUntil(() => (h.store.getMessage(id)?.content ?? '').includes('end'));
    const checkpoint = h.store.getMessage(id);
    expect(checkpoint?.status).toBe('streaming');
    expect(checkpoint?.content).toBe(`Echo: ${MASKED} end`);
    expect(checkpoint?.reasoning).toBe(`I see ${MASKED}`);

    await h.finish(id);
    const stored = h.store.getMessage(id);
    expect(stored?.content).toBe(`Echo: ${MASKED} end.`);
    expect(stored?.reasoning).toBe(`I see ${MASKED}`);
    expect(JSON.stringify(stored)).not.toContain(KEY);
  });
});
