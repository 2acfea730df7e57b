import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/renderer/src/store';
import { loadThread } from '../../../src/renderer/src/store/chatReducers';
import { selectContextView } from '../../../src/renderer/src/store/contextPlan';
import type { Conversation, Message } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';

const conversation = (patch: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  title: 'T',
  titleIsCustom: false,
  pinned: false,
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  model: 'local-llm',
  profileId: null,
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
  ...patch,
});

/** `turns` answered questions of 4,000 ASCII characters each side (1,004 tokens a message). */
function thread(turns: number): Message[] {
  const out: Message[] = [];
  for (let i = 0; i < turns; i++) {
    out.push(makeMessage(`q${i}`, { role: 'user', content: 'x'.repeat(4_000) }));
    out.push(makeMessage(`a${i}`, { role: 'assistant', content: 'y'.repeat(4_000) }));
  }
  return out;
}

function store(c: Conversation, messages: Message[]) {
  const s = createAppStore(createFakeClient({}).client, () => 1000);
  s.setState((st) => ({
    conversations: [c],
    activeConversationId: c.id,
    chat: loadThread(st.chat, c.id, { messages, hasMore: false }),
  }));
  return s;
}

describe('selectContextView', () => {
  it('counts one answer of a comparison not kept yet, and again all once it is gone', () => {
    const messages = thread(2);
    messages.push(makeMessage('a1b', { role: 'assistant', content: 'y'.repeat(4_000) }));
    const s = store(conversation(), messages);
    const all = selectContextView(s.getState(), 'c1')?.promptTokens ?? 0;
    const comparison = {
      id: 'k1',
      conversationId: 'c1',
      questionId: 'q1',
      answerIds: ['a1', 'a1b'],
      keptId: null,
      createdAt: 0,
    };
    s.setState((st) => ({ chat: { ...st.chat, comparisons: { k1: comparison } } }));
    expect(selectContextView(s.getState(), 'c1')?.promptTokens).toBe(all - 1_004);
    s.setState((st) => ({ chat: { ...st.chat, comparisons: {} } }));
    expect(selectContextView(s.getState(), 'c1')?.promptTokens).toBe(all);
  });

  it('is computed again when a counted message or the draft changes, not for a streaming answer', () => {
    const messages = thread(2);
    messages.push(makeMessage('live', { role: 'assistant', status: 'streaming', content: '' }));
    const s = store(conversation(), messages);
    const first = selectContextView(s.getState(), 'c1');
    const grow = (id: string, content: string) =>
      s.setState((st) => {
        const m = st.chat.messages[id];
        if (!m) throw new Error(id);
        return { chat: { ...st.chat, messages: { ...st.chat.messages, [id]: { ...m, content } } } };
      });
    grow('live', 'z'.repeat(40_000));
    expect(selectContextView(s.getState(), 'c1')).toBe(first);
    grow('a1', 'y'.repeat(8_000));
    const longer = selectContextView(s.getState(), 'c1');
    expect(longer?.promptTokens).toBe((first?.promptTokens ?? 0) + 1_000);
    s.setState({ drafts: { c1: 'x'.repeat(400) } });
    expect(selectContextView(s.getState(), 'c1')?.promptTokens).toBe(
      (longer?.promptTokens ?? 0) + 100,
    );
  });

  it('an unknown model gets the safe 8,192-token window, and the oldest turns past it are cut', () => {
    const s = store(conversation(), thread(5));
    const view = selectContextView(s.getState(), 'c1');
    // 8,192 - 1,024 reserved: 3 turns of 2,008 and the empty draft (4) fit, not 4.
    expect(view).toMatchObject({
      windowTokens: 8_192,
      windowSource: 'unknown',
      cutBeforeId: 'q2',
      droppedTurns: 2,
      reason: 'window',
      fits: true,
      partial: false,
    });
    expect(view?.promptTokens).toBe(3 * 2_008 + 4);
  });

  it("counts the composer's draft as the next question", () => {
    const s = store(conversation(), thread(3));
    expect(selectContextView(s.getState(), 'c1')?.cutBeforeId).toBeNull();
    // A draft of 2,004 tokens: 3 turns (6,024) and it pass 7,168; 2 turns do not.
    s.getState().ui.setDraft('c1', 'z'.repeat(8_000));
    expect(selectContextView(s.getState(), 'c1')).toMatchObject({
      cutBeforeId: 'q1',
      droppedTurns: 1,
    });
  });

  it("uses the price table's context length and the conversation's turn limit", () => {
    const s = store(conversation({ contextTurns: 1 }), thread(5));
    s.setState((st) => ({
      usage: {
        ...st.usage,
        settings: {
          prices: [
            { model: 'local-llm', inputPerMTok: null, outputPerMTok: null, contextTokens: 200_000 },
          ],
          pricesAreDefault: false,
          currency: 'USD',
          rates: { CNY: 7, VND: 25_000 },
          budgets: {},
        },
      },
    }));
    expect(selectContextView(s.getState(), 'c1')).toMatchObject({
      windowTokens: 200_000,
      windowSource: 'settings',
      cutBeforeId: 'q4',
      reason: 'turns',
    });
  });

  it('starts at the latest summary: what came before it is not sent, the summary always is', () => {
    const messages = [
      ...thread(5),
      makeMessage('sum', { role: 'system', content: 's'.repeat(400) }),
      makeMessage('q5', { role: 'user', content: 'short' }),
      makeMessage('a5', { role: 'assistant', content: 'reply' }),
    ];
    const view = selectContextView(store(conversation(), messages).getState(), 'c1');
    // The summary (104) and one short turn (6 + 6) and the empty draft (4).
    expect(view).toMatchObject({ cutBeforeId: 'sum', reason: 'none', fits: true });
    expect(view?.promptTokens).toBe(104 + 6 + 6 + 4);
  });
});
