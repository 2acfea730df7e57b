import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices, type Composition } from '../../src/main/compose';
import { createRouter } from '../../src/main/ipc/router';
import type { Logger } from '../../src/main/log/Logger';
import { createClient, type FleeceClient } from '../../src/renderer/src/api/client';
import { connectEvents, createAppStore, type AppStore } from '../../src/renderer/src/store';
import type { EventName, EventPayload } from '../../src/shared/contract';
import type { Message } from '../../src/shared/message';
import {
  errorResponse,
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../fixtures/fake-relay';

const KEY = 'hsa-parity-test-key';
const SENDER = { origin: 'test:', url: 'test:', isMainFrame: true, windowId: 'test' };
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The renderer's store over the real service composition (the one Electron main and the harness
 * run), with a bridge that dispatches in-process: after each kind of turn, the messages the store
 * holds must be exactly what a freshly loaded window reads with `messages.list`.
 */
describe('a finished turn in the window equals the same turn after a reload', () => {
  let dataDir: string;
  let relay: FakeRelay;
  let composition: Composition;
  let client: FleeceClient;
  let store: AppStore;
  let settled: Promise<void>;
  const doneWaiters = new Map<string, () => void>();

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fleece-parity-'));
    relay = await startFakeRelay({ apiKey: KEY });
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
      for (const l of listeners.get(name) ?? []) l(payload);
      if (name === 'chat.done') {
        const id = (payload as EventPayload<'chat.done'>).message.id;
        doneWaiters.get(id)?.();
      }
    };
    composition = await composeServices({
      dataDir,
      fetch: globalThis.fetch,
      secrets: 'memory',
      emit,
      openExternal: async () => undefined,
      chooseSavePath: async () => null,
      chooseOpenPath: async () => null,
      log: quiet,
      platform: process.platform,
      env: {},
    });
    const router = createRouter(composition.handlers, () => true, quiet);
    client = createClient({
      invoke: (route, input) => router.dispatch(SENDER, route, input) as never,
      on: (name, listener) => {
        const set = listeners.get(name) ?? new Set();
        listeners.set(name, set);
        set.add(listener as (p: unknown) => void);
        return () => set.delete(listener as (p: unknown) => void);
      },
    });
    const profile = await client.call('profiles.create', {
      preset: 'custom',
      name: 'Fake relay',
      baseUrl: relay.baseUrl,
      defaultModel: 'deepseek-chat',
    });
    if (!profile.ok) throw new Error(profile.error.code);
    await client.call('keys.set', { profileId: profile.data.id, key: KEY });
    await client.call('profiles.setActive', { id: profile.data.id });
    // A title request would take the next scripted answer from the relay.
    await client.call('preferences.update', { autoTitles: false });
    store = createAppStore(client);
    connectEvents(store, client);
    await store.getState().settingsActions.load();
    settled = Promise.resolve();
  });

  afterEach(async () => {
    await settled;
    await composition.dispose();
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs a turn action and waits for the `chat.done` of the answer it started. */
  async function turn(start: () => Promise<unknown>): Promise<Message> {
    const before = new Set(Object.keys(store.getState().chat.lastSeq));
    await start();
    const live = Object.keys(store.getState().chat.lastSeq).filter((id) => !before.has(id));
    const id = live[0] ?? Object.keys(store.getState().chat.lastSeq)[0];
    if (!id) throw new Error('no answer started');
    if (store.getState().chat.lastSeq[id] !== undefined) {
      await new Promise<void>((resolve) => doneWaiters.set(id, resolve));
    }
    const answer = store.getState().chat.messages[id];
    if (!answer) throw new Error('the answer left the store');
    return answer;
  }

  /** The store's messages of the active conversation against a fresh `messages.list`. */
  async function expectSameAsReload(): Promise<Message[]> {
    const conversationId = store.getState().activeConversationId ?? '';
    const shown = (store.getState().chat.threads[conversationId]?.ids ?? []).map(
      (id) => store.getState().chat.messages[id],
    );
    const reloaded = await client.call('messages.list', { conversationId });
    if (!reloaded.ok) throw new Error(reloaded.error.code);
    expect(shown).toHaveLength(reloaded.data.messages.length);
    reloaded.data.messages.forEach((stored, i) => {
      const held = shown[i];
      // Field by field, so a difference names the field.
      for (const field of Object.keys(stored) as (keyof Message)[]) {
        expect({ field, value: held?.[field] }).toEqual({ field, value: stored[field] });
      }
      expect(held).toEqual(stored);
    });
    return reloaded.data.messages;
  }

  it('send, continue, regenerate, edit and resend, and a failure with a hint', async () => {
    const actions = () => store.getState().chatActions;

    relay.enqueue(tokensScript(textToTokens('Tiết kiệm điện: tắt đèn.'), { delayMs: 2 }));
    const first = await turn(() => actions().send('Làm sao tiết kiệm điện?'));
    expect(first).toMatchObject({ status: 'complete', model: 'deepseek-chat' });
    expect(first.profileId).toBe(store.getState().activeProfileId);
    const afterSend = await expectSameAsReload();
    expect(afterSend.map((m) => m.role)).toEqual(['user', 'assistant']);

    // Cut mid-stream: interrupted, then continued into the same message.
    relay.enqueue(
      tokensScript(textToTokens('Một hai'), { delayMs: 2, finishReason: null, done: false }),
    );
    const cut = await turn(() => actions().send('Đếm đi'));
    expect(cut.status).toBe('interrupted');
    await expectSameAsReload();
    relay.enqueue(tokensScript(textToTokens(' ba.'), { delayMs: 2 }));
    const continued = await turn(() => actions().continueMessage(cut.id));
    expect(continued).toMatchObject({ id: cut.id, status: 'complete', content: 'Một hai ba.' });
    await expectSameAsReload();

    relay.enqueue(tokensScript(textToTokens('Bốn năm sáu.'), { delayMs: 2 }));
    const regenerated = await turn(() => actions().regenerate(cut.id));
    expect(regenerated.id).not.toBe(cut.id);
    await expectSameAsReload();

    const question = afterSend[0]?.id ?? '';
    relay.enqueue(tokensScript(textToTokens('Dùng đèn LED.'), { delayMs: 2 }));
    await turn(() => actions().editAndResend(question, 'Cách tiết kiệm điện nhất?'));
    const afterEdit = await expectSameAsReload();
    expect(afterEdit.map((m) => m.content)).toEqual(['Cách tiết kiệm điện nhất?', 'Dùng đèn LED.']);

    // Refused every time (the first try and both retries): the hint and the wait stay on the message.
    for (let i = 0; i < 3; i++) {
      relay.enqueue(errorResponse(429, 'Slow down', { headers: { 'retry-after': '1' } }));
    }
    const failed = await turn(() => actions().send('Nữa'));
    expect(failed).toMatchObject({
      status: 'error',
      errorKind: 'rate_limited',
      retryAfterMs: 1000,
    });
    expect(failed.errorHint).not.toBeNull();
    await expectSameAsReload();
  });
});
