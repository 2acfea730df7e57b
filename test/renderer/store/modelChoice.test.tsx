import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createAppStore } from '../../../src/renderer/src/store';
import { selectModelChoice } from '../../../src/renderer/src/store/modelChoice';
import { keepModelLists } from '../../../src/renderer/src/store/slices/settingsSlice';
import { Composer } from '../../../src/renderer/src/components/chat/Composer';
import type { Profile } from '../../../src/shared/types/profiles';
import type { Conversation } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from '../components/renderWithStore';

function profile(id: string, defaultModel = '', baseUrl = `http://127.0.0.1:9/${id}/v1`): Profile {
  return {
    id,
    name: id.toUpperCase(),
    preset: 'custom',
    baseUrl,
    fallbackBaseUrls: [],
    defaultModel,
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 60_000,
    requiresKey: false,
    allowInsecureHttp: false,
    systemPrompt: '',
    temperature: null,
  };
}

const conv = (patch: Partial<Conversation>): Conversation => ({
  id: 'c1',
  title: 'T',
  titleIsCustom: false,
  pinned: false,
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  model: null,
  profileId: null,
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
  ...patch,
});

function store() {
  const fake = createFakeClient({
    'chat.send': () => ({
      conversationId: 'c9',
      user: makeMessage('u', { conversationId: 'c9', role: 'user' }),
      assistant: makeMessage('a', { conversationId: 'c9', status: 'streaming' }),
    }),
  });
  const s = createAppStore(fake.client, () => 1000);
  s.setState({ activeProfileId: 'a', profiles: [profile('a', 'gpt-4o'), profile('b')] });
  return { ...fake, store: s };
}

describe('selectModelChoice', () => {
  it('a new chat starts with the active profile’s default model', () => {
    const { store: s } = store();
    expect(selectModelChoice(s.getState())).toEqual({
      profileId: 'a',
      model: 'gpt-4o',
      missing: false,
      explicitProfile: false,
    });
  });

  it('a model picked for the new chat carries its profile', () => {
    const { store: s } = store();
    s.getState().ui.setNewChatModel('qwen3:8b', 'b');
    expect(selectModelChoice(s.getState())).toMatchObject({
      profileId: 'b',
      model: 'qwen3:8b',
      explicitProfile: true,
    });
  });

  it('a conversation uses its own profile and model; its profile’s default when it has none', () => {
    const { store: s } = store();
    s.setState({
      activeConversationId: 'c1',
      conversations: [conv({ profileId: 'b', model: 'llama3.1:8b' })],
    });
    expect(selectModelChoice(s.getState())).toMatchObject({ profileId: 'b', model: 'llama3.1:8b' });
    s.setState({ conversations: [conv({ profileId: 'b', model: null })] });
    expect(selectModelChoice(s.getState())).toMatchObject({
      profileId: 'b',
      model: '',
      missing: true,
    });
    // Its profile was deleted: the active one answers.
    s.setState({ conversations: [conv({ profileId: 'gone', model: null })] });
    expect(selectModelChoice(s.getState())).toMatchObject({ profileId: 'a', model: 'gpt-4o' });
  });

  it('no profile means nothing to send to', () => {
    const { store: s } = store();
    s.setState({ activeProfileId: null, profiles: [] });
    expect(selectModelChoice(s.getState()).missing).toBe(true);
  });
});

describe('sending with no model is impossible', () => {
  it('Send is disabled and Enter does nothing until a model is chosen', async () => {
    const { store: s, calls, client } = store();
    s.setState({ activeProfileId: 'b' });
    renderWithStore(<Composer />, s, client);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Xin chào' } });
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(0);

    s.getState().ui.setNewChatModel('qwen3:8b', 'b');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled());
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(1));
    expect(calls.find((c) => c.route === 'chat.send')?.input).toEqual({
      text: 'Xin chào',
      model: 'qwen3:8b',
      profileId: 'b',
    });
  });
});

describe('keepModelLists', () => {
  const list = { models: ['m'], fetchedAt: 1, fromCache: false };
  it('drops the list of a profile now on another base URL, or removed; keeps the rest', () => {
    const before = [profile('a'), profile('b'), profile('c')];
    const after = [profile('a'), profile('b', '', 'http://127.0.0.1:7/v1')];
    expect(keepModelLists({ a: list, b: list, c: list }, before, after)).toEqual({ a: list });
  });
  it('returns the same object when nothing changed (no re-render)', () => {
    const models = { a: list };
    expect(keepModelLists(models, [profile('a')], [profile('a', 'x')])).toBe(models);
  });
});
