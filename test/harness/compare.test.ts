import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ChatDone } from '../../src/shared/types/chat';
import type { CompareStats, CompareTurn } from '../../src/shared/types/compare';
import type { MessagePage } from '../../src/shared/types/history';
import type { Profile } from '../../src/shared/types/profiles';
import { startFakeRelay, textToTokens, tokensScript, type FakeRelay } from '../fixtures/fake-relay';
import { startHarness, type Harness } from './server';

const CHAT = '/v1/chat/completions';

/** `chat.compare` end to end: the harness's WebSocket, the real services, two fake relays. */
describe('several models at once through the harness', () => {
  let harness: Harness;
  let ws: WebSocket;
  let relayA: FakeRelay;
  let relayB: FakeRelay;
  const dirs: string[] = [];
  const done = new Map<string, ChatDone>();
  let nextId = 1;

  async function call<T>(route: string, input: unknown): Promise<T> {
    const id = nextId++;
    const result = await new Promise<{ ok: boolean; data?: T; error?: unknown }>((ok) => {
      const onMessage = (raw: WebSocket.RawData): void => {
        const m = JSON.parse(String(raw)) as { t: string; id: number; result: never };
        if (m.t === 'result' && m.id === id) {
          ws.off('message', onMessage);
          ok(m.result);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ t: 'invoke', id, route, input }));
    });
    if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
    return result.data as T;
  }

  async function doneOf(id: string): Promise<ChatDone> {
    for (let i = 0; i < 1000 && !done.has(id); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const d = done.get(id);
    if (!d) throw new Error(`no chat.done for ${id}`);
    return d;
  }

  beforeAll(async () => {
    // Each relay answers by the model asked, so the answers tell which request went where.
    const byModel = (relay: string) => (request: { body: unknown }) =>
      tokensScript(
        textToTokens(`${relay} answers as ${(request.body as { model: string }).model}.`),
        { delayMs: 2, model: (request.body as { model: string }).model },
      );
    relayA = await startFakeRelay();
    relayA.setDefault(byModel('A'));
    relayB = await startFakeRelay();
    relayB.setDefault(byModel('B'));
    const rendererDir = mkdtempSync(join(tmpdir(), 'fleece-renderer-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'fleece-harness-'));
    dirs.push(rendererDir, dataDir);
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><body></body></html>');
    harness = await startHarness({
      port: 0,
      dataDir,
      rendererDir,
      secrets: 'memory',
      env: {},
      quiet: true,
    });
    const page = await fetch(harness.url);
    await page.text();
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const origin = new URL(harness.url).origin;
    ws = await new Promise<WebSocket>((ok, ko) => {
      const socket = new WebSocket(`${origin.replace('http:', 'ws:')}/__fleece/ws`, {
        headers: { origin, cookie },
      });
      socket.once('open', () => ok(socket));
      socket.once('error', ko);
    });
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { t: string; name?: string; payload?: ChatDone };
      if (m.t === 'event' && m.name === 'chat.done' && m.payload)
        done.set(m.payload.message.id, m.payload);
    });
  });

  afterAll(async () => {
    ws.close();
    await harness.close();
    await relayA.close();
    await relayB.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('streams one answer per model from its own relay, keeps one, and counts them', async () => {
    const create = async (name: string, relay: FakeRelay): Promise<Profile> => {
      const profile = await call<Profile>('profiles.create', {
        preset: 'custom',
        name,
        baseUrl: relay.baseUrl,
        defaultModel: 'deepseek-chat',
      });
      await call('keys.set', { profileId: profile.id, key: `hsa-${name.replace(' ', '')}-key` });
      return profile;
    };
    const a = await create('Relay A', relayA);
    const b = await create('Relay B', relayB);
    await call('profiles.setActive', { id: a.id });
    await call('preferences.update', { autoTitles: false });

    const targets = [
      { model: 'deepseek-chat', profileId: a.id },
      { model: 'gpt-4o', profileId: a.id },
      { model: 'claude-3.5-sonnet', profileId: b.id },
    ];
    const turn = await call<CompareTurn>('chat.compare', { text: 'Hello?', targets });
    expect(turn.answers.map((m) => [m.model, m.profileId, m.status])).toEqual(
      targets.map((t) => [t.model, t.profileId, 'streaming']),
    );
    const finished = await Promise.all(turn.answers.map((m) => doneOf(m.id)));
    expect(finished.map((d) => [d.message.status, d.message.content])).toEqual([
      ['complete', 'A answers as deepseek-chat.'],
      ['complete', 'A answers as gpt-4o.'],
      ['complete', 'B answers as claude-3.5-sonnet.'],
    ]);
    const chats = (relay: FakeRelay) =>
      relay.requests
        .filter((r) => r.path === CHAT)
        .map((r) => ({
          model: (r.body as { model: string }).model,
          key: r.headers.authorization,
          messages: (r.body as { messages: unknown }).messages,
        }))
        .sort((x, y) => x.model.localeCompare(y.model));
    const question = [{ role: 'user', content: 'Hello?' }];
    expect(chats(relayA)).toEqual([
      { model: 'deepseek-chat', key: 'Bearer hsa-RelayA-key', messages: question },
      { model: 'gpt-4o', key: 'Bearer hsa-RelayA-key', messages: question },
    ]);
    expect(chats(relayB)).toEqual([
      { model: 'claude-3.5-sonnet', key: 'Bearer hsa-RelayB-key', messages: question },
    ]);

    const listed = await call<MessagePage>('messages.list', {
      conversationId: turn.conversationId,
    });
    expect(listed.comparisons).toEqual([turn.comparison]);
    expect(listed.messages.map((m) => m.id)).toEqual([turn.user.id, turn.answers[0]?.id]);

    const claude = turn.answers[2]?.id ?? '';
    const kept = await call<{ conversationId: string; page: MessagePage }>('chat.keep', {
      messageId: claude,
    });
    expect(kept.page.messages.map((m) => m.content)).toEqual([
      'Hello?',
      'B answers as claude-3.5-sonnet.',
    ]);
    expect(kept.page.comparisons).toBeUndefined();
    const { conversations } = await call<{
      conversations: { id: string; model: string | null; profileId: string | null }[];
    }>('conversations.list', {});
    expect(conversations.find((c) => c.id === turn.conversationId)).toMatchObject({
      model: 'claude-3.5-sonnet',
      profileId: b.id,
    });

    const stats = await call<CompareStats>('compare.stats', { last: 20 });
    expect(stats.comparisons).toBe(1);
    expect(stats.rows[0]).toMatchObject({
      model: 'claude-3.5-sonnet',
      profileId: b.id,
      profileName: 'Relay B',
      answers: 1,
      kept: 1,
      failed: 0,
      estimated: false,
    });
    expect(
      stats.rows
        .slice(1)
        .map((r) => [r.model, r.profileName, r.answers, r.kept, r.failed])
        .sort(),
    ).toEqual([
      ['deepseek-chat', 'Relay A', 1, 0, 0],
      ['gpt-4o', 'Relay A', 1, 0, 0],
    ]);
    for (const row of stats.rows) {
      expect(row.ttftMsMedian).toBeGreaterThanOrEqual(0);
      expect(row.tokensPerSecondMedian).toBeGreaterThan(0);
    }
  });
});
