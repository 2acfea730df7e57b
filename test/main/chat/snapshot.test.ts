import { afterEach, describe, expect, it } from 'vitest';
import type { ChatSnapshot } from '../../../src/shared/types/chat';
import { chatHarness, type Harness } from './chatHarness';
import type { Step } from './scriptedRelay';
import { seededRandom } from '../../renderer/seededRandom';

interface Timed {
  at: number;
  content: string;
  reasoning: string;
}

/** Reasoning first, then content, in pieces 0–7 ms apart (so the 16 ms batcher holds text back). */
function script(rand: () => number, pieces: number): { steps: Step[]; timed: Timed[] } {
  const steps: Step[] = [];
  const timed: Timed[] = [];
  let at = 0;
  for (let i = 0; i < pieces; i++) {
    const wait = Math.floor(rand() * 4);
    at += wait;
    const text = `${'αβγ中文 xyz'.slice(0, 1 + Math.floor(rand() * 8))}${i}`;
    const piece = i < pieces / 3 ? { reasoning: text } : { content: text };
    steps.push({ wait }, piece);
    timed.push({ at, content: piece.content ?? '', reasoning: piece.reasoning ?? '' });
  }
  steps.push({ done: 'stop' });
  return { steps, timed };
}

interface Taken {
  at: number;
  snapshot: ChatSnapshot;
}

/** Drives the stream to its end, taking snapshots at random moments. */
async function snapshotsUntilDone(h: Harness, id: string, rand: () => number): Promise<Taken[]> {
  const taken: Taken[] = [];
  const earlier = h.done(id);
  await h.clock.runUntil(
    () => h.done(id) !== earlier,
    (now) => {
      if (rand() < 0.4) {
        const snapshot = h.service.snapshot(id);
        if (snapshot) taken.push({ at: now, snapshot });
      }
    },
  );
  return taken;
}

/** The snapshot, then every delta after it: what a renderer resynchronising would end up with. */
function rebuild(h: Harness, id: string, snapshot: ChatSnapshot, fromEvent: number) {
  const later = h.events
    .slice(fromEvent)
    .filter((e) => e.name === 'chat.delta' && 'seq' in e.payload && e.payload.messageId === id)
    .map((e) => e.payload as { seq: number; content: string; reasoning: string })
    .filter((d) => d.seq > snapshot.seq);
  return {
    content: snapshot.content + later.map((d) => d.content).join(''),
    reasoning: snapshot.reasoning + later.map((d) => d.reasoning).join(''),
  };
}

describe('ChatService.snapshot', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('plus the later deltas rebuilds exactly the final text, from any moment of the stream', async () => {
    const rand = seededRandom(20250101);
    const { steps, timed } = script(rand, 300);
    h = await chatHarness([steps]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'go' });
    const taken = await snapshotsUntilDone(h, id, rand);
    const final = h.store.getMessage(id);
    expect(final?.status).toBe('complete');
    expect(taken.length).toBeGreaterThan(20);
    let heldBack = 0;
    for (const { at, snapshot } of taken) {
      expect(rebuild(h, id, snapshot, 0)).toEqual({
        content: final?.content,
        reasoning: final?.reasoning,
      });
      // Exactly what the events up to `seq` carried: nothing the batcher still held.
      const sent = h.deltas(id).filter((d) => d.seq <= snapshot.seq);
      expect(snapshot.content).toBe(sent.map((d) => d.content).join(''));
      expect(snapshot.reasoning).toBe(sent.map((d) => d.reasoning).join(''));
      const received = timed.filter((p) => p.at < at);
      const receivedLength = received.reduce(
        (n, p) => n + p.content.length + p.reasoning.length,
        0,
      );
      if (snapshot.content.length + snapshot.reasoning.length < receivedLength) heldBack++;
    }
    // The property was tested while text was being held back, not only between batches.
    expect(heldBack).toBeGreaterThan(5);
    expect(h.service.snapshot(id)).toBeNull();
    expect(h.service.snapshot('no-such-message')).toBeNull();
  });

  it('during a Continue includes the text the message had before, with seq counting from the new stream', async () => {
    const rand = seededRandom(7);
    const { steps } = script(rand, 120);
    h = await chatHarness([[{ wait: 5 }, { content: 'Before. ' }, { hang: true }], steps]);
    const {
      assistant: { id },
    } = await h.service.send({ text: 'go' });
    await h.clock.runUntil(() => h.deltas(id).length === 1);
    expect(h.service.snapshot(id)).toEqual({ content: 'Before. ', reasoning: '', seq: 1 });
    await h.drive(h.service.stop(id));
    expect(h.service.snapshot(id)).toBeNull();

    const fromEvent = h.events.length;
    await h.service.continue(id);
    expect(h.service.snapshot(id)).toEqual({ content: 'Before. ', reasoning: '', seq: 0 });
    const taken = await snapshotsUntilDone(h, id, rand);
    const final = h.store.getMessage(id);
    expect(final?.content.startsWith('Before. ')).toBe(true);
    expect(taken.length).toBeGreaterThan(5);
    for (const { snapshot } of taken) {
      expect(snapshot.content.startsWith('Before. ')).toBe(true);
      expect(rebuild(h, id, snapshot, fromEvent)).toEqual({
        content: final?.content,
        reasoning: final?.reasoning,
      });
    }
  });
});
