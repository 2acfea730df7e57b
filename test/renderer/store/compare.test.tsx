import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAppStore } from '../../../src/renderer/src/store';
import {
  emptyChatData,
  loadThread,
  startCompare,
  threadRows,
} from '../../../src/renderer/src/store/chatReducers';
import { NEW_CHAT_DRAFT } from '../../../src/renderer/src/store/slices/uiSlice';
import {
  selectComparisonStreaming,
  selectPendingComparison,
} from '../../../src/renderer/src/store/compareSelectors';
import { CompareGroup } from '../../../src/renderer/src/components/chat/compare/CompareGroup';
import { Composer } from '../../../src/renderer/src/components/chat/Composer';
import { markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';
import type { CompareTurn, Comparison } from '../../../src/shared/types/compare';
import type { Conversation } from '../../../src/shared/types/history';
import { createFakeClient } from '../fakeClient';
import { makeMessage } from '../messageFixture';
import { renderWithStore } from '../components/renderWithStore';

await markdownRenderer.load();

const question = makeMessage('u1', { role: 'user', content: 'Which is best?', model: null });
const answer = (id: string, model: string, profileId = 'p1') =>
  makeMessage(id, { status: 'streaming', parentId: 'u1', model, profileId, content: '' });
const comparison: Comparison = {
  id: 'k1',
  conversationId: 'c1',
  questionId: 'u1',
  answerIds: ['a1', 'a2', 'a3'],
  keptId: null,
  createdAt: 1,
};
const turn: CompareTurn = {
  conversationId: 'c1',
  user: question,
  answers: [answer('a1', 'gpt-4o'), answer('a2', 'deepseek-chat'), answer('a3', 'qwen3', 'p2')],
  comparison,
  versions: { a1: ['a1', 'a2', 'a3'], a2: ['a1', 'a2', 'a3'], a3: ['a1', 'a2', 'a3'] },
};
const conversation: Conversation = {
  id: 'c1',
  title: 'Which is best?',
  titleIsCustom: false,
  pinned: false,
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
  model: 'gpt-4o',
  profileId: 'p1',
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
};

function delta(messageId: string, seq: number, content: string) {
  return { conversationId: 'c1', messageId, seq, content, reasoning: '' };
}

describe('compare reducers', () => {
  it('shows the question then every answer, each followed from seq 1, as one row', () => {
    const before = loadThread(emptyChatData, 'c1', {
      messages: [makeMessage('u0', { role: 'user', model: null }), makeMessage('a0')],
      hasMore: false,
    });
    const data = startCompare(before, { ...turn, user: { ...question, parentId: 'a0' } });
    expect(data.threads['c1']?.ids).toEqual(['u0', 'a0', 'u1', 'a1', 'a2', 'a3']);
    expect(data.lastSeq).toMatchObject({ a1: 0, a2: 0, a3: 0 });
    expect(data.comparisons['k1']).toEqual(comparison);
    expect(data.versions['a2']).toEqual(['a1', 'a2', 'a3']);
    const rows = threadRows(data.threads['c1']?.ids ?? [], data.comparisons, 'c1');
    expect(rows.map((r) => r.key)).toEqual(['u0', 'a0', 'u1', 'compare:k1']);
    expect(rows[3]).toMatchObject({ id: 'a1', comparisonId: 'k1' });
  });

  it('a page with the comparison pending shows the group again; a page without it, no group', () => {
    const done = (id: string, model: string) =>
      makeMessage(id, { parentId: 'u1', model, content: `from ${model}` });
    const page = {
      messages: [question, done('a1', 'gpt-4o'), done('a2', 'deepseek-chat'), done('a3', 'qwen3')],
      hasMore: false,
      comparisons: [comparison],
    };
    const data = loadThread(emptyChatData, 'c1', page);
    expect(data.comparisons['k1']).toEqual(comparison);
    expect(
      threadRows(data.threads['c1']?.ids ?? [], data.comparisons, 'c1').map((r) => r.key),
    ).toEqual(['u1', 'compare:k1']);
    const kept = loadThread(data, 'c1', {
      messages: [question, done('a2', 'deepseek-chat')],
      hasMore: false,
      versions: { a2: ['a1', 'a2', 'a3'] },
    });
    expect(kept.comparisons).toEqual({});
    expect(kept.threads['c1']?.ids).toEqual(['u1', 'a2']);
    expect(kept.messages['a1']).toBeUndefined();
  });

  it('answers a page leaves out (it follows one version) stay in the group when held here', () => {
    const data = startCompare(emptyChatData, turn);
    const again = loadThread(data, 'c1', {
      messages: [question, { ...turn.answers[0]!, status: 'complete', content: 'A' }],
      hasMore: false,
      comparisons: [comparison],
    });
    expect(again.threads['c1']?.ids).toEqual(['u1', 'a1', 'a2', 'a3']);
    expect(again.messages['a3']?.model).toBe('qwen3');
  });
});

describe('chat slice: several models at once', () => {
  function setUp() {
    const fake = createFakeClient({
      'chat.compare': () => turn,
      'chat.stop': () => ({ stopped: true }),
      'chat.keep': () => ({
        conversationId: 'c1',
        page: {
          messages: [
            question,
            makeMessage('a2', { parentId: 'u1', model: 'deepseek-chat', profileId: 'p1' }),
          ],
          hasMore: false,
          versions: { a2: ['a1', 'a2', 'a3'] },
        },
      }),
    });
    const store = createAppStore(fake.client);
    store.setState({ activeProfileId: 'p1', conversations: [conversation] });
    return { ...fake, store };
  }

  it('sends the question to the chosen models and follows each answer on its own', async () => {
    const { store, calls } = setUp();
    const targets = [
      { profileId: 'p1', model: 'gpt-4o' },
      { profileId: 'p1', model: 'deepseek-chat' },
      { profileId: 'p2', model: 'qwen3' },
    ];
    store.getState().ui.setCompareTargets(NEW_CHAT_DRAFT, targets);
    store.getState().ui.setDraft(NEW_CHAT_DRAFT, 'Which is best?');
    expect(await store.getState().chatActions.compare('Which is best?', targets)).toBe(true);
    expect(calls.find((c) => c.route === 'chat.compare')?.input).toEqual({
      text: 'Which is best?',
      targets,
    });
    const s = store.getState();
    expect(s.activeConversationId).toBe('c1');
    expect(s.compareTargets).toEqual({});
    expect(s.drafts[NEW_CHAT_DRAFT]).toBeUndefined();
    expect(selectPendingComparison(s, 'c1')).toBe('k1');
    expect(selectComparisonStreaming(s, 'k1')).toBe(true);

    s.chatActions.onDelta(delta('a1', 1, 'Alpha'));
    s.chatActions.onDelta(delta('a2', 1, 'Beta'));
    s.chatActions.onDelta(delta('a2', 2, ' two'));
    const chat = store.getState().chat;
    expect(chat.messages['a1']?.content).toBe('Alpha');
    expect(chat.messages['a2']?.content).toBe('Beta two');
    expect(chat.messages['a3']?.content).toBe('');
    expect(s.chatActions.liveTiming('a1')?.firstAt).not.toBeNull();
    expect(s.chatActions.liveTiming('a3')?.firstAt).toBeNull();

    for (const [id, status] of [
      ['a1', 'complete'],
      ['a2', 'complete'],
      ['a3', 'stopped'],
    ] as const)
      s.chatActions.onDone({
        conversationId: 'c1',
        message: { ...chat.messages[id]!, status },
      });
    expect(selectComparisonStreaming(store.getState(), 'k1')).toBe(false);
    expect(s.chatActions.liveTiming('a1')).toBeNull();
  });

  it('keep loads the page main returns: no group, the kept answer with its versions and model', async () => {
    const { store, calls } = setUp();
    await store.getState().chatActions.compare('Which is best?', [
      { profileId: 'p1', model: 'gpt-4o' },
      { profileId: 'p1', model: 'deepseek-chat' },
    ]);
    for (const a of turn.answers)
      store.getState().chatActions.onDone({
        conversationId: 'c1',
        message: { ...a, status: 'complete', content: `from ${a.model}` },
      });
    expect(await store.getState().chatActions.keep('a2')).toBe(true);
    expect(calls.find((c) => c.route === 'chat.keep')?.input).toEqual({
      messageId: 'a2',
      limit: 200,
    });
    const s = store.getState();
    expect(s.chat.threads['c1']?.ids).toEqual(['u1', 'a2']);
    expect(s.chat.comparisons).toEqual({});
    expect(s.chat.versions['a2']).toEqual(['a1', 'a2', 'a3']);
    expect(selectPendingComparison(s, 'c1')).toBeNull();
    // The composer goes on with the kept answer's model.
    expect(s.conversations[0]).toMatchObject({ model: 'deepseek-chat', profileId: 'p1' });
  });
});

describe('chat slice: a comparison read from disk', () => {
  it("shows the whole comparison from main's page, asking nothing more", async () => {
    const done = (id: string, model: string) =>
      makeMessage(id, { parentId: 'u1', model, content: `from ${model}` });
    // Main's page: the answer on screen, then the comparison's other answers.
    const fake = createFakeClient({
      'messages.list': () => ({
        messages: [
          question,
          done('a1', 'gpt-4o'),
          done('a2', 'deepseek-chat'),
          done('a3', 'qwen3'),
        ],
        hasMore: false,
        comparisons: [comparison],
      }),
    });
    const store = createAppStore(fake.client);
    await store.getState().chatActions.loadThread('c1');
    const s = store.getState();
    expect(s.chat.threads['c1']?.ids).toEqual(['u1', 'a1', 'a2', 'a3']);
    expect(s.chat.messages['a3']?.content).toBe('from qwen3');
    expect(selectPendingComparison(s, 'c1')).toBe('k1');
    expect(fake.calls.map((c) => c.route)).toEqual(['messages.list']);
  });
});

describe('CompareGroup', () => {
  it('shows a column per model with its own Stop, and Keep once an answer is done; a delta re-renders only its column', async () => {
    const fake = createFakeClient({
      'chat.stop': () => ({ stopped: true }),
      'chat.keep': () => ({ conversationId: 'c1', page: { messages: [question], hasMore: false } }),
    });
    const store = createAppStore(fake.client);
    store.setState({
      activeConversationId: 'c1',
      profiles: [{ id: 'p1', name: 'Relay' } as never, { id: 'p2', name: 'Local' } as never],
      chat: startCompare(emptyChatData, turn),
    });
    renderWithStore(<CompareGroup comparisonId="k1" />, store, fake.client);
    const group = screen.getByTestId('compare-group');
    const columns = within(group).getAllByTestId('compare-column');
    expect(columns.map((c) => c.dataset['model'])).toEqual(['gpt-4o', 'deepseek-chat', 'qwen3']);
    expect(within(columns[2]!).getByText('Local')).toBeTruthy();
    expect(within(columns[0]!).getByRole('button', { name: 'Stop' })).toBeTruthy();
    expect(within(group).queryByRole('button', { name: 'Keep this answer' })).toBeNull();

    const renders = (id: string) =>
      Number(document.querySelector(`[data-message-id="${id}"]`)?.getAttribute('data-renders'));
    const before = { a1: renders('a1'), a3: renders('a3') };
    act(() => store.getState().chatActions.onDelta(delta('a2', 1, 'Beta')));
    expect(within(columns[1]!).getByTestId('message').textContent).toContain('Beta');
    expect(renders('a1')).toBe(before.a1);
    expect(renders('a3')).toBe(before.a3);

    await userEvent.click(within(columns[0]!).getByRole('button', { name: 'Stop' }));
    expect(fake.calls.find((c) => c.route === 'chat.stop')?.input).toEqual({ messageId: 'a1' });

    act(() =>
      store.getState().chatActions.onDone({
        conversationId: 'c1',
        message: { ...turn.answers[1]!, status: 'complete', content: 'Beta', ttftMs: 420 },
      }),
    );
    const keep = within(columns[1]!).getByRole('button', { name: 'Keep this answer' });
    expect(within(columns[1]!).getByTestId('compare-ttft').textContent).toMatch(/420/);
    // A finished answer can be copied from its column (a streaming one cannot yet).
    expect(within(columns[2]!).queryByRole('button', { name: 'Copy' })).toBeNull();
    const user = userEvent.setup();
    await user.click(within(columns[1]!).getByRole('button', { name: 'Copy' }));
    await expect(navigator.clipboard.readText()).resolves.toBe('Beta');
    await userEvent.click(keep);
    expect(fake.calls.find((c) => c.route === 'chat.keep')?.input).toMatchObject({
      messageId: 'a2',
    });
  });
});

describe('Composer in compare mode', () => {
  it('shows the chosen models as chips, asks for two, sends to all, then Stop all stops each', async () => {
    const fake = createFakeClient({
      'chat.compare': () => turn,
      'chat.stop': () => ({ stopped: true }),
    });
    const store = createAppStore(fake.client);
    store.setState({ activeProfileId: 'p1' });
    store.getState().ui.setCompareTargets(NEW_CHAT_DRAFT, [{ profileId: 'p1', model: 'gpt-4o' }]);
    renderWithStore(<Composer />, store, fake.client);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Which is best?' } });
    expect(screen.getByTestId('compare-too-few')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);

    act(() =>
      store.getState().ui.setCompareTargets(NEW_CHAT_DRAFT, [
        { profileId: 'p1', model: 'gpt-4o' },
        { profileId: 'p1', model: 'deepseek-chat' },
        { profileId: 'p2', model: 'qwen3' },
      ]),
    );
    expect(screen.getAllByTestId('compare-chip').map((c) => c.dataset['model'])).toEqual([
      'gpt-4o',
      'deepseek-chat',
      'qwen3',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove qwen3' }));
    expect(screen.getAllByTestId('compare-chip')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.route === 'chat.compare')?.input).toEqual({
        text: 'Which is best?',
        targets: [
          { profileId: 'p1', model: 'gpt-4o' },
          { profileId: 'p1', model: 'deepseek-chat' },
        ],
      }),
    );
    await waitFor(() => expect(store.getState().activeConversationId).toBe('c1'));
    // Back to one model for what follows; while the answers stream, one Stop for all of them.
    expect(screen.queryAllByTestId('compare-chip')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Stop all' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.route === 'chat.stop').map((c) => c.input)).toEqual([
        { messageId: 'a1' },
        { messageId: 'a2' },
        { messageId: 'a3' },
      ]),
    );
  });
});
