import { afterEach, describe, expect, it } from 'vitest';
import type { ChatDone } from '../../../src/shared/types/chat';
import type { RelayChatRequest, RelayStreamOptions } from '../../../src/main/chat/relayTypes';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { compareHandlers } from '../../../src/main/routes/compareRoutes';
import { chatHarness, type Harness } from './chatHarness';
import { scriptedRelay, type RelayCall, type Step } from './scriptedRelay';

const answer = (text: string, wait = 5, usage: [number, number] = [10, 5]): Step[] => [
  { wait },
  { content: text },
  { usage },
  { done: 'stop' },
];

const TARGETS = [
  { model: 'model-a', profileId: 'pa' },
  { model: 'model-b', profileId: 'pb' },
  { model: 'model-c', profileId: 'pc' },
];

/** A chat harness whose relay plays a script per model, and whose targets follow the profile. */
async function compareHarness(scripts: Record<string, Step[][]>): Promise<{
  h: Harness;
  calls: (model: string) => RelayCall[];
  changed: string[];
  routes: ReturnType<typeof compareHandlers>;
}> {
  let clock: Harness['clock'] | null = null;
  const relays = new Map(
    Object.entries(scripts).map(([model, s]) => [
      model,
      scriptedRelay((ms) => (clock as Harness['clock']).sleep(ms), s),
    ]),
  );
  const changed: string[] = [];
  const h = await chatHarness([], {
    streamChat: (request: RelayChatRequest, options: RelayStreamOptions) => {
      const relay = relays.get(request.model);
      if (!relay) throw new Error(`no script for ${request.model}`);
      return relay.streamChat(request, options);
    },
    resolveTarget: async (c) => ({
      profileId: c.profileId ?? 'none',
      baseUrl: `http://${c.profileId ?? 'none'}.test/v1`,
      model: c.model ?? 'default-model',
    }),
    newConversationDefaults: (profileId) => ({
      profileId: profileId ?? null,
      systemPrompt: null,
      temperature: null,
    }),
    emitChanged: (change) => changed.push(change.id),
  });
  clock = h.clock;
  const routes = compareHandlers({
    chat: h.service,
    history: h.store,
    emit: (name, payload) => {
      if (name === 'conversations.changed') changed.push((payload as { id: string }).id);
    },
    profileName: (id) => ({ pa: 'Relay A', pb: 'Relay B' })[id] ?? null,
  });
  return { h, calls: (m) => relays.get(m)?.calls ?? [], changed, routes };
}

describe('ChatService.compare', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('asks each model on its own profile with the same prompt; each answer streams into its own version', async () => {
    const t = await compareHarness({
      'model-a': [answer('from A', 30)],
      'model-b': [answer('from B', 10)],
      'model-c': [answer('from C', 20)],
    });
    h = t.h;
    const turn = await h.service.compare({ text: 'Which is best?', targets: TARGETS });
    const conversation = h.store.getConversation(turn.conversationId);
    // A new conversation takes the first model and its profile.
    expect(conversation).toMatchObject({ model: 'model-a', profileId: 'pa' });
    expect(turn.user.content).toBe('Which is best?');
    expect(turn.answers.map((a) => [a.model, a.profileId, a.status, a.parentId])).toEqual(
      TARGETS.map((x) => [x.model, x.profileId, 'streaming', turn.user.id]),
    );
    const ids = turn.answers.map((a) => a.id);
    expect(turn.comparison).toMatchObject({
      conversationId: turn.conversationId,
      questionId: turn.user.id,
      answerIds: ids,
      keptId: null,
    });
    expect(turn.versions).toEqual(Object.fromEntries(ids.map((id) => [id, ids])));
    // The first model's answer is on screen until one is kept.
    const [a, b, c] = turn.answers;
    expect(a && b && c && a.versionRank > b.versionRank && a.versionRank > c.versionRank).toBe(
      true,
    );
    expect(h.store.pathMessages(turn.conversationId).map((m) => m.id)).toEqual([
      turn.user.id,
      ids[0],
    ]);
    expect(h.service.activeStreams().map((s) => s.messageId)).toEqual(ids);

    const done = await Promise.all(ids.map((id) => h.finish(id)));
    expect(done.map((d) => d.message.content)).toEqual(['from A', 'from B', 'from C']);
    expect(done.map((d) => d.message.ttftMs)).toEqual([30, 10, 20]);
    for (const [i, target] of TARGETS.entries()) {
      const calls = t.calls(target.model);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.request).toMatchObject({
        baseUrl: `http://${target.profileId}.test/v1`,
        model: target.model,
        messages: [{ role: 'user', content: 'Which is best?' }],
      });
      // Each delta names its own message.
      expect(
        h
          .deltas(ids[i] ?? '')
          .map((d) => d.content)
          .join(''),
      ).toBe(`from ${'ABC'[i]}`);
    }
    // Still pending: the page on screen says so.
    const page = h.store.listMessages(turn.conversationId);
    expect(page.messages.map((m) => m.id)).toEqual([turn.user.id, ids[0]]);
    expect(page.versions?.[ids[0] ?? '']).toEqual(ids);
    expect(page.comparisons).toEqual([turn.comparison]);
  });

  it('refuses an empty question and a profile that does not exist, storing nothing', async () => {
    const t = await compareHarness({});
    h = t.h;
    await expect(h.service.compare({ text: '  ', targets: TARGETS })).rejects.toMatchObject({
      code: 'bad_request',
    });
    const service = new (
      h.service.constructor as typeof import('../../../src/main/chat/ChatService').ChatService
    )({
      history: h.store,
      streamChat: () => {
        throw new Error('no request expected');
      },
      resolveTarget: () => Promise.reject(new Error('no request expected')),
      emit: () => undefined,
      requireProfile: (id) => {
        if (id === 'gone') throw new FleeceError('profile_not_found');
      },
    });
    await expect(
      service.compare({
        text: 'q',
        targets: [TARGETS[0] as (typeof TARGETS)[0], { model: 'x', profileId: 'gone' }],
      }),
    ).rejects.toMatchObject({ code: 'profile_not_found' });
    expect(h.store.listConversations().conversations).toEqual([]);
  });

  it('stops one answer alone; the others go on to the end', async () => {
    const t = await compareHarness({
      'model-a': [[{ wait: 5 }, { content: 'A…' }, { hang: true }]],
      'model-b': [answer('B done', 50)],
    });
    h = t.h;
    const turn = await h.service.compare({ text: 'q', targets: TARGETS.slice(0, 2) });
    const [a, b] = turn.answers.map((m) => m.id) as [string, string];
    await h.clock.runUntil(() => h.deltas(a).length === 1);
    await h.drive(h.service.stop(a));
    expect(h.store.getMessage(a)).toMatchObject({ status: 'stopped', content: 'A…' });
    // B was not stopped with A: it ends as it would have alone.
    await h.clock.runUntil(() => h.done(b) !== undefined);
    expect(h.done(b)?.message).toMatchObject({
      status: 'complete',
      content: 'B done',
      ttftMs: 50,
    });
  });

  it('keep puts the answer on screen and the conversation on its model and profile; the others stay versions and go on streaming', async () => {
    const t = await compareHarness({
      'model-a': [answer('A says')],
      'model-b': [answer('B says', 8), answer('B again')],
      'model-c': [[{ wait: 5 }, { content: 'C is slow' }, { hang: true }]],
    });
    h = t.h;
    const turn = await h.service.compare({ text: 'q1', targets: TARGETS });
    const [a, b, c] = turn.answers.map((m) => m.id) as [string, string, string];
    await h.finish(a);
    await h.finish(b);
    await h.clock.runUntil(() => h.deltas(c).length === 1);

    t.changed.length = 0;
    const kept = await t.routes['chat.keep']({ messageId: b });
    expect(kept.conversationId).toBe(turn.conversationId);
    expect(kept.page.messages.map((m) => m.id)).toEqual([turn.user.id, b]);
    expect(kept.page.versions?.[b]).toEqual([a, b, c]);
    expect(kept.page.comparisons).toBeUndefined();
    expect(t.changed).toEqual([turn.conversationId]);
    expect(h.store.getConversation(turn.conversationId)).toMatchObject({
      model: 'model-b',
      profileId: 'pb',
    });
    expect(h.store.comparisonOfAnswer(c)).toMatchObject({ keptId: b, answerIds: [a, b, c] });
    // Keeping does not stop an answer still being written.
    expect(h.service.activeStreams().map((s) => s.messageId)).toEqual([c]);

    // The next question follows the kept answer, goes to its model, and leaves C running.
    const next = await h.service.send({ conversationId: turn.conversationId, text: 'q2' });
    expect(next.assistant).toMatchObject({
      model: 'model-b',
      profileId: 'pb',
      parentId: next.user?.id,
    });
    await h.finish(next.assistant.id);
    expect(t.calls('model-b')[1]?.request).toMatchObject({
      baseUrl: 'http://pb.test/v1',
      messages: [
        { role: 'user', content: 'q1' },
        { role: 'assistant', content: 'B says' },
        { role: 'user', content: 'q2' },
      ],
    });
    expect(h.store.getMessage(c)?.status).toBe('streaming');
    await h.drive(h.service.stop(c));
    expect(h.store.getMessage(c)).toMatchObject({ status: 'stopped', content: 'C is slow' });
    expect(h.store.pathMessages(turn.conversationId).map((m) => m.content)).toEqual([
      'q1',
      'B says',
      'q2',
      'B again',
    ]);
  });

  it('keep refuses an answer that was asked alone', async () => {
    const t = await compareHarness({ 'default-model': [answer('alone')] });
    h = t.h;
    const turn = await h.service.send({ text: 'q', model: 'default-model' });
    await h.finish(turn.assistant.id);
    let error: unknown;
    try {
      await t.routes['chat.keep']({ messageId: turn.assistant.id });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FleeceError);
    expect(error).toMatchObject({ code: 'bad_request', text: { code: 'keep_not_compared' } });
  });

  it('a comparison in a conversation stops its running answer first and asks with the path so far', async () => {
    const t = await compareHarness({
      'model-a': [[{ wait: 5 }, { content: 'first' }, { hang: true }], answer('A2')],
      'model-b': [answer('B2')],
    });
    h = t.h;
    const first = await h.service.send({ text: 'q1', model: 'model-a', profileId: 'pa' });
    await h.clock.runUntil(() => h.deltas(first.assistant.id).length === 1);
    const turn = await h.drive(
      h.service.compare({
        conversationId: first.conversationId,
        text: 'q2',
        targets: TARGETS.slice(0, 2),
      }),
    );
    expect(h.store.getMessage(first.assistant.id)?.status).toBe('stopped');
    expect(turn.user.parentId).toBe(first.assistant.id);
    const done: ChatDone[] = await Promise.all(turn.answers.map((m) => h.finish(m.id)));
    expect(done.map((d) => d.message.content)).toEqual(['A2', 'B2']);
    for (const model of ['model-a', 'model-b'])
      expect(t.calls(model).at(-1)?.request.messages).toEqual([
        { role: 'user', content: 'q1' },
        { role: 'assistant', content: 'first' },
        { role: 'user', content: 'q2' },
      ]);
  });
});
