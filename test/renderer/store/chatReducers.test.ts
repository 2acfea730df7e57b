import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  applyDeltas,
  applyDone,
  applySnapshot,
  emptyChatData,
  loadThread,
  prependPage,
  removeMessages,
  startTurn,
} from '../../../src/renderer/src/store/chatReducers';
import { makeMessage as msg } from '../messageFixture';
import { encodeFailureText } from '../../../src/shared/failureText';

const ids = {
  conversationId: 'c1',
  user: msg('u1', { role: 'user', content: 'Xin chào', model: null }),
  assistant: msg('a1', { status: 'streaming' }),
};

describe('chat reducers', () => {
  it('startTurn adds the user message and a streaming assistant message', () => {
    const data = startTurn(emptyChatData, ids);
    expect(data.threads['c1']?.ids).toEqual(['u1', 'a1']);
    expect(data.messages['u1']).toMatchObject({
      role: 'user',
      content: 'Xin chào',
      status: 'complete',
    });
    expect(data.messages['a1']).toMatchObject({
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    expect(data.lastSeq['a1']).toBe(0);
  });

  it('applyDelta appends text and changes only the streaming message object', () => {
    let data = loadThread(emptyChatData, 'c1', {
      messages: [msg('old', { content: 'hi' })],
      hasMore: false,
    });
    data = startTurn(data, ids);
    const before = data.messages['old'];
    const r1 = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 1,
      content: 'Tiết ',
      reasoning: '',
    });
    const r2 = applyDelta(r1.data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 2,
      content: 'kiệm',
      reasoning: 'r',
    });
    expect(r2.gap).toBe(false);
    expect(r2.data.messages['a1']).toMatchObject({ content: 'Tiết kiệm', reasoning: 'r' });
    expect(r2.data.messages['old']).toBe(before);
    expect(r2.data.threads).toBe(data.threads);
  });

  it('ignores a repeated seq and reports a gap when one is skipped', () => {
    let data = startTurn(emptyChatData, ids);
    data = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 1,
      content: 'a',
      reasoning: '',
    }).data;
    const dup = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 1,
      content: 'a',
      reasoning: '',
    });
    expect(dup.data).toBe(data);
    const skip = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 3,
      content: 'c',
      reasoning: '',
    });
    expect(skip.gap).toBe(true);
    expect(skip.data.messages['a1']?.content).toBe('a');
  });

  it('applyDeltas applies a frame of deltas of several answers as one after the other would', () => {
    const two = {
      conversationId: 'c1',
      user: msg('u2', { role: 'user', model: null }),
      assistant: msg('a2', { status: 'streaming' }),
    };
    const data = startTurn(startTurn(emptyChatData, ids), two);
    const d = (messageId: string, seq: number, content: string) => ({
      conversationId: 'c1',
      messageId,
      seq,
      content,
      reasoning: '',
    });
    const frame = [d('a1', 1, 'Một'), d('a2', 1, 'One'), d('a1', 2, ' hai'), d('a1', 2, ' hai')];
    const together = applyDeltas(data, frame);
    const oneByOne = frame.reduce((acc, delta) => applyDelta(acc, delta).data, data);
    expect(together.gaps).toEqual([]);
    expect(together.data).toEqual(oneByOne);
    expect(together.data.messages['a1']?.content).toBe('Một hai');
    expect(together.data.lastSeq).toMatchObject({ a1: 2, a2: 1 });
    expect(together.data.messages['u1']).toBe(data.messages['u1']);
    expect(applyDeltas(data, []).data).toBe(data);
  });

  it("applyDeltas returns a gap with the message's later deltas, unapplied", () => {
    const data = startTurn(emptyChatData, ids);
    const d = (seq: number, content: string) => ({
      conversationId: 'c1',
      messageId: 'a1',
      seq,
      content,
      reasoning: '',
    });
    const out = applyDeltas(data, [d(1, 'a'), d(3, 'c'), d(4, 'd')]);
    expect(out.data.messages['a1']?.content).toBe('a');
    expect(out.gaps).toEqual([[d(3, 'c'), d(4, 'd')]]);
  });

  it('applyDone records status, usage, timings and the error', () => {
    const data = startTurn(emptyChatData, ids);
    const done = applyDone(data, {
      conversationId: 'c1',
      message: msg('a1', {
        status: 'interrupted',
        finishReason: null,
        promptTokens: 10,
        completionTokens: 20,
        tokensEstimated: true,
        cost: 0.0001,
        ttftMs: 120,
        durationMs: 900,
        reasoningMs: null,
        errorKind: 'interrupted',
        errorMessage: encodeFailureText({ text: { code: 'answer_no_end' } }),
      }),
      failure: { kind: 'interrupted', text: { code: 'answer_no_end' } },
    });
    expect(done.messages['a1']).toMatchObject({
      status: 'interrupted',
      promptTokens: 10,
      completionTokens: 20,
      tokensEstimated: true,
      cost: 0.0001,
      ttftMs: 120,
      durationMs: 900,
      reasoningMs: null,
      errorKind: 'interrupted',
    });
    expect(done.lastSeq['a1']).toBeUndefined();
  });

  it('startTurn drops what followed the question (regenerate, edit) and keeps a continued answer in place', () => {
    const page = {
      messages: [
        msg('u0', { role: 'user' }),
        msg('a0'),
        msg('u1', { role: 'user', content: 'old' }),
        msg('a-old', { content: 'old answer' }),
      ],
      hasMore: false,
    };
    const regenerated = startTurn(loadThread(emptyChatData, 'c1', page), ids);
    expect(regenerated.threads['c1']?.ids).toEqual(['u0', 'a0', 'u1', 'a1']);
    expect(regenerated.messages['a-old']).toBeUndefined();
    expect(regenerated.messages['u1']).toBe(ids.user);

    const continued = startTurn(loadThread(emptyChatData, 'c1', page), {
      conversationId: 'c1',
      user: page.messages[2] ?? null,
      assistant: msg('a-old', { content: 'old answer', status: 'streaming' }),
    });
    expect(continued.threads['c1']?.ids).toEqual(['u0', 'a0', 'u1', 'a-old']);
    expect(continued.messages['a-old']?.status).toBe('streaming');
    expect(continued.lastSeq['a-old']).toBe(0);
  });

  it('startTurn shows an edited question as a branch after its parent, with its versions', () => {
    const page = {
      messages: [
        msg('u0', { role: 'user' }),
        msg('a0', { parentId: 'u0' }),
        msg('u1', { role: 'user', parentId: 'a0' }),
        msg('a-old', { parentId: 'u1' }),
      ],
      hasMore: false,
    };
    const branched = startTurn(loadThread(emptyChatData, 'c1', page), {
      conversationId: 'c1',
      user: msg('u1b', { role: 'user', content: 'better', parentId: 'a0' }),
      assistant: msg('a1b', { status: 'streaming', parentId: 'u1b' }),
      versions: { u1b: ['u1', 'u1b'] },
    });
    expect(branched.threads['c1']?.ids).toEqual(['u0', 'a0', 'u1b', 'a1b']);
    expect(branched.versions['u1b']).toEqual(['u1', 'u1b']);
    expect(branched.messages['u1']).toBeUndefined();

    // The first question edited while its parent is not loaded: the other version marks the cut.
    const root = startTurn(loadThread(emptyChatData, 'c1', page), {
      conversationId: 'c1',
      user: msg('u0b', { role: 'user', parentId: null }),
      assistant: msg('a0b', { status: 'streaming', parentId: 'u0b' }),
      versions: { u0b: ['u0', 'u0b'] },
    });
    expect(root.threads['c1']?.ids).toEqual(['u0b', 'a0b']);
  });

  it('a page brings the versions of its messages; a page without them clears stale ones', () => {
    const withVersions = loadThread(emptyChatData, 'c1', {
      messages: [msg('u0', { role: 'user' }), msg('a0b', { parentId: 'u0' })],
      hasMore: false,
      versions: { a0b: ['a0', 'a0b'] },
    });
    expect(withVersions.versions).toEqual({ a0b: ['a0', 'a0b'] });
    const after = loadThread(withVersions, 'c1', {
      messages: [msg('u0', { role: 'user' }), msg('a0b', { parentId: 'u0' })],
      hasMore: false,
    });
    expect(after.versions).toEqual({});
  });

  it('prependPage adds older messages before the loaded ones without duplicates', () => {
    const data = loadThread(emptyChatData, 'c1', {
      messages: [msg('m3'), msg('m4')],
      hasMore: true,
    });
    const next = prependPage(data, 'c1', {
      messages: [msg('m1'), msg('m2'), msg('m3')],
      hasMore: false,
    });
    expect(next.threads['c1']).toEqual({ ids: ['m1', 'm2', 'm3', 'm4'], hasMore: false });
  });

  it('removeMessages drops messages and their ids', () => {
    const data = loadThread(emptyChatData, 'c1', {
      messages: [msg('m1'), msg('m2')],
      hasMore: false,
    });
    const next = removeMessages(data, 'c1', ['m2']);
    expect(next.threads['c1']?.ids).toEqual(['m1']);
    expect(next.messages['m2']).toBeUndefined();
  });
});

describe('resynchronisation', () => {
  it('a delta that skips ahead is not applied on top of stale text', () => {
    let data = startTurn(emptyChatData, ids);
    data = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 1,
      content: 'Hello',
      reasoning: '',
    }).data;
    const r = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 3,
      content: ' text.',
      reasoning: '',
    });
    expect(r.gap).toBe(true);
    expect(r.data.messages['a1']?.content).toBe('Hello');
  });

  it('a snapshot resets the text and seq; later deltas continue from it', () => {
    let data = startTurn(emptyChatData, ids);
    data = applySnapshot(data, 'a1', { content: 'Hello world and more', reasoning: '', seq: 7 });
    data = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 7,
      content: ' dup',
      reasoning: '',
    }).data;
    data = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 8,
      content: ' text.',
      reasoning: '',
    }).data;
    expect(data.messages['a1']?.content).toBe('Hello world and more text.');
  });

  it('a streaming message loaded from disk treats a mid-stream delta as a gap', () => {
    const data = loadThread(emptyChatData, 'c1', {
      messages: [msg('a1', { status: 'streaming', content: 'checkpoint' })],
      hasMore: false,
    });
    expect(
      applyDelta(data, {
        conversationId: 'c1',
        messageId: 'a1',
        seq: 12,
        content: 'x',
        reasoning: '',
      }).gap,
    ).toBe(true);
  });

  it('reloading a thread keeps the live text of a message being streamed', () => {
    let data = startTurn(emptyChatData, ids);
    data = applyDelta(data, {
      conversationId: 'c1',
      messageId: 'a1',
      seq: 1,
      content: 'live text',
      reasoning: '',
    }).data;
    data = loadThread(data, 'c1', {
      messages: [
        msg('u1', { role: 'user', content: 'q' }),
        msg('a1', { status: 'streaming', content: 'live' }),
      ],
      hasMore: false,
    });
    expect(data.messages['a1']?.content).toBe('live text');
  });
});
