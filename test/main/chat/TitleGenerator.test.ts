import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TitleGenerator,
  type TitleSettings,
  type TitleUsageReport,
} from '../../../src/main/chat/TitleGenerator';
import type { RelayChatRequest, RelayStreamEvent } from '../../../src/main/chat/relayTypes';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import { TITLE_INSTRUCTION } from '../../../src/shared/rules/generatedTitle';
import { TempDir } from '../history/tempStore';

describe('TitleGenerator', () => {
  let dir: TempDir;
  let store: HistoryStore;
  let requests: RelayChatRequest[];
  let reply: string[];
  let settings: TitleSettings;
  let titled: string[];
  let usage: { promptTokens: number; completionTokens: number } | null;
  let recorded: TitleUsageReport[];
  let generator: TitleGenerator;

  beforeEach(async () => {
    dir = new TempDir();
    store = (await dir.open()).store;
    requests = [];
    reply = ['**Tiết kiệm', ' điện tại nhà**.'];
    settings = { enabled: true, model: null };
    titled = [];
    usage = { promptTokens: 90, completionTokens: 6 };
    recorded = [];
    generator = new TitleGenerator({
      history: store,
      streamChat: async function* (request): AsyncGenerator<RelayStreamEvent> {
        requests.push(request);
        for (const content of reply) yield { type: 'delta', content };
        if (usage)
          yield {
            type: 'usage',
            ...usage,
            totalTokens: usage.promptTokens + usage.completionTokens,
          };
        yield { type: 'done', finishReason: 'stop' };
      },
      resolveTarget: (c, model) =>
        Promise.resolve({
          profileId: 'p1',
          baseUrl: 'http://127.0.0.1:9/v1',
          model: model ?? c.model ?? 'deepseek-chat',
        }),
      settings: () => settings,
      onTitled: (id) => titled.push(id),
      recordUsage: (u) => recorded.push(u),
    });
  });
  afterEach(() => dir.cleanup());

  function firstTurn(answerStatus: 'complete' | 'error' = 'complete') {
    const c = store.createConversation({ model: 'deepseek-chat' });
    store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'Làm sao **tiết kiệm** điện?',
    });
    store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      content: 'Tắt điều hoà khi ra ngoài.',
      status: answerStatus,
    });
    return c.id;
  }

  it('after the first answer, writes the model’s title as plain text with the chosen model', async () => {
    const id = firstTurn();
    expect(store.getConversation(id)?.title).toBe('Làm sao **tiết kiệm** điện?');
    settings.model = 'gpt-4o-mini';
    await generator.afterAnswer({ conversationId: id });
    expect(store.getConversation(id)).toMatchObject({
      title: 'Tiết kiệm điện tại nhà',
      titleIsCustom: false,
    });
    expect(titled).toEqual([id]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.model).toBe('gpt-4o-mini');
    expect(requests[0]?.messages[0]).toEqual({ role: 'system', content: TITLE_INSTRUCTION });
    expect(requests[0]?.messages[1]?.content).toContain('Tắt điều hoà');

    // Only once: the second answer asks nothing.
    store.appendMessage({ conversationId: id, role: 'user', content: 'Còn gì nữa?' });
    store.appendMessage({ conversationId: id, role: 'assistant', content: 'Dùng đèn LED.' });
    await generator.afterAnswer({ conversationId: id });
    expect(requests).toHaveLength(1);
  });

  it('never replaces a title the user typed, even one typed while the model was writing', async () => {
    const id = firstTurn();
    store.renameConversation(id, 'Điện nhà tôi');
    await generator.afterAnswer({ conversationId: id });
    expect(requests).toHaveLength(0);

    const other = firstTurn();
    generator = new TitleGenerator({
      history: store,
      streamChat: async function* (request): AsyncGenerator<RelayStreamEvent> {
        requests.push(request);
        store.renameConversation(other, 'Named meanwhile');
        yield { type: 'delta', content: 'Model title' };
      },
      resolveTarget: () => Promise.resolve({ profileId: 'p1', baseUrl: 'http://x/v1', model: 'm' }),
      settings: () => settings,
    });
    await generator.afterAnswer({ conversationId: other });
    expect(store.getConversation(other)?.title).toBe('Named meanwhile');
    expect(store.getConversation(id)?.title).toBe('Điện nhà tôi');
  });

  it('does nothing when switched off, after a failed answer, or when the model fails', async () => {
    settings.enabled = false;
    const off = firstTurn();
    await generator.afterAnswer({ conversationId: off });
    settings.enabled = true;
    const failed = firstTurn('error');
    await generator.afterAnswer({ conversationId: failed });
    expect(requests).toHaveLength(0);

    const broken = firstTurn();
    generator = new TitleGenerator({
      history: store,
      // eslint-disable-next-line require-yield
      streamChat: async function* (): AsyncGenerator<RelayStreamEvent> {
        await Promise.resolve();
        throw new Error('network down');
      },
      resolveTarget: () => Promise.resolve({ profileId: 'p1', baseUrl: 'http://x/v1', model: 'm' }),
      settings: () => settings,
    });
    await expect(generator.afterAnswer({ conversationId: broken })).resolves.toBeUndefined();
    expect(store.getConversation(broken)?.title).toBe('Làm sao **tiết kiệm** điện?');
  });

  it('records what the title cost: the relay’s usage, with the model and profile asked', async () => {
    const id = firstTurn();
    settings.model = 'gpt-4o-mini';
    await generator.afterAnswer({ conversationId: id });
    expect(recorded).toEqual([
      {
        conversationId: id,
        model: 'gpt-4o-mini',
        profileId: 'p1',
        promptTokens: 90,
        completionTokens: 6,
        tokensEstimated: false,
      },
    ]);
  });

  it('estimates the tokens when the relay reports no usage', async () => {
    usage = null;
    const id = firstTurn();
    await generator.afterAnswer({ conversationId: id });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ conversationId: id, tokensEstimated: true });
    expect(recorded[0]?.promptTokens).toBeGreaterThan(10);
    expect(recorded[0]?.completionTokens).toBeGreaterThan(0);
  });

  it('an answer not on screen (another model’s in a comparison) asks for no title', async () => {
    const id = firstTurn();
    const [question, shown] = store.pathMessages(id);
    const other = store.appendMessage({
      conversationId: id,
      role: 'assistant',
      content: 'Dùng đèn LED.',
      parentId: question?.id ?? null,
    });
    store.chooseVersion(shown?.id ?? '');
    await generator.afterAnswer({ conversationId: id, message: { id: other.id } });
    expect(requests).toEqual([]);
    await generator.afterAnswer({ conversationId: id, message: { id: shown?.id ?? '' } });
    expect(requests).toHaveLength(1);
    expect(titled).toEqual([id]);
  });
});
