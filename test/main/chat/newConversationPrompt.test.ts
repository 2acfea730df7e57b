import { afterEach, describe, expect, it } from 'vitest';
import { chatHarness, type Harness } from './chatHarness';
import type { Step } from './scriptedRelay';

const answer = (text: string): Step[] => [{ content: text }, { usage: [3, 4] }, { done: 'stop' }];

describe('a saved prompt chosen before the first message', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  const defaults = () => ({ profileId: 'p1', systemPrompt: 'Profile prompt.', temperature: 1 });

  it('replaces the profile’s system prompt and temperature in the new conversation', async () => {
    h = await chatHarness([answer('SELECT 1;')], { newConversationDefaults: defaults });
    const ids = await h.service.send({
      text: 'A query please',
      systemPrompt: 'You write SQL.',
      temperature: 0.1,
    });
    await h.finish(ids.assistant.id);
    expect(h.store.getConversation(ids.conversationId)).toMatchObject({
      systemPrompt: 'You write SQL.',
      temperature: 0.1,
    });
    expect(h.calls[0]?.request.messages[0]).toEqual({ role: 'system', content: 'You write SQL.' });
  });

  it('an empty system prompt means none; without a prompt the profile’s stay', async () => {
    h = await chatHarness([answer('One'), answer('Two')], { newConversationDefaults: defaults });
    const first = await h.service.send({ text: 'Hi', systemPrompt: '  ' });
    await h.finish(first.assistant.id);
    expect(h.store.getConversation(first.conversationId)).toMatchObject({
      systemPrompt: null,
      temperature: 1,
    });
    const second = await h.service.send({ text: 'Hi again' });
    await h.finish(second.assistant.id);
    expect(h.store.getConversation(second.conversationId)).toMatchObject({
      systemPrompt: 'Profile prompt.',
      temperature: 1,
    });
  });
});
