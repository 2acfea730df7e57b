import { describe, expect, it } from 'vitest';
import { DELTA_INTERVAL_MS } from '../../../src/main/chat/DeltaBatcher';
import {
  channelChatEvents,
  DeltaChannel,
  FRAME_LEAD_MS,
} from '../../../src/main/chat/DeltaChannel';
import { FRAME_CLOCK_FRESH_MS, FrameClock } from '../../../src/main/chat/FrameClock';
import type { ChatDelta, ChatDone } from '../../../src/shared/types/chat';
import { FakeClock } from './fakeClock';

const delta = (messageId: string, seq: number, content: string): ChatDelta => ({
  conversationId: 'c1',
  messageId,
  seq,
  content,
  reasoning: '',
  receivedAt: 1_700_000_000_000 + seq,
});

describe('DeltaChannel', () => {
  it('sends a lone stream event by event, each at once, when they come further apart than the interval', () => {
    const c = new FakeClock();
    const sent: ChatDelta[][] = [];
    const channel = new DeltaChannel((d) => sent.push(d), c.now, c.setTimer);
    channel.push(delta('a', 1, 'Hel'));
    c.advance(DELTA_INTERVAL_MS + 1);
    channel.push(delta('a', 2, 'lo'));
    expect(sent).toEqual([[delta('a', 1, 'Hel')], [delta('a', 2, 'lo')]]);
    expect(c.pending).toBe(0);
  });

  it('sends the events of several streams that come within one interval together, in order', () => {
    const c = new FakeClock();
    const sent: ChatDelta[][] = [];
    const channel = new DeltaChannel((d) => sent.push(d), c.now, c.setTimer);
    channel.push(delta('a', 1, 'A1'));
    c.advance(DELTA_INTERVAL_MS / 4);
    channel.push(delta('b', 1, 'B1'));
    channel.push(delta('c', 1, 'C1'));
    c.advance(DELTA_INTERVAL_MS / 4);
    channel.push(delta('a', 2, 'A2'));
    // Nothing more leaves before the interval is over…
    expect(sent).toHaveLength(1);
    c.advance(DELTA_INTERVAL_MS / 2);
    // …then the three that waited, as one list, each event whole (seq kept, nothing merged).
    expect(sent).toEqual([
      [delta('a', 1, 'A1')],
      [delta('b', 1, 'B1'), delta('c', 1, 'C1'), delta('a', 2, 'A2')],
    ]);
  });

  it('spaces the lists by one interval per answer streaming, back to one when a lone answer is left', () => {
    const c = new FakeClock();
    const sent: ChatDelta[][] = [];
    const channel = new DeltaChannel((d) => sent.push(d), c.now, c.setTimer);
    channel.push(delta('a', 1, 'A1'));
    channel.push(delta('b', 1, 'B1'));
    channel.push(delta('a', 2, 'A2'));
    c.advance(DELTA_INTERVAL_MS);
    // The second list carries both answers' text…
    expect(sent).toEqual([[delta('a', 1, 'A1')], [delta('b', 1, 'B1'), delta('a', 2, 'A2')]]);
    channel.push(delta('b', 2, 'B2'));
    channel.push(delta('a', 3, 'A3'));
    // …so the next waits two intervals, not one.
    c.advance(DELTA_INTERVAL_MS);
    expect(sent).toHaveLength(2);
    c.advance(DELTA_INTERVAL_MS);
    expect(sent[2]).toEqual([delta('b', 2, 'B2'), delta('a', 3, 'A3')]);
    // Answer b is done: a's next text waits out the two intervals the last list set, then its
    // own events leave one interval apart again.
    channel.push(delta('a', 4, 'A4'));
    expect(sent).toHaveLength(3);
    c.advance(2 * DELTA_INTERVAL_MS);
    channel.push(delta('a', 5, 'A5'));
    c.advance(DELTA_INTERVAL_MS);
    expect(sent.slice(3)).toEqual([[delta('a', 4, 'A4')], [delta('a', 5, 'A5')]]);
    expect(c.pending).toBe(0);
  });

  it('never lets the end of an answer overtake its text', () => {
    const c = new FakeClock();
    const events: [string, unknown][] = [];
    const emit = ((name: string, payload: unknown) => events.push([name, payload])) as never;
    const chatEmit = channelChatEvents(emit, c.now, c.setTimer);
    chatEmit('chat.delta', delta('a', 1, 'Hel'));
    chatEmit('chat.delta', delta('a', 2, 'lo'));
    const done = { conversationId: 'c1' } as unknown as ChatDone;
    chatEmit('chat.done', done);
    expect(events).toEqual([
      ['chat.deltas', [delta('a', 1, 'Hel')]],
      ['chat.deltas', [delta('a', 2, 'lo')]],
      ['chat.done', done],
    ]);
    // The timer of the text sent early is gone: nothing is sent twice.
    c.advance(DELTA_INTERVAL_MS * 2);
    expect(events).toHaveLength(3);
  });

  describe("in step with the window's frames", () => {
    const EPOCH = 1_700_000_000_000;
    // Frames 16 ms apart, one beginning at 0 on the fake clock.
    const setUp = () => {
      const c = new FakeClock();
      const frames = new FrameClock(() => EPOCH + c.now());
      frames.report(EPOCH, 16);
      const sent: [number, ChatDelta[]][] = [];
      const channel = new DeltaChannel((d) => sent.push([c.now(), d]), c.now, c.setTimer, frames);
      return { c, frames, sent, channel };
    };

    it('holds the text of several answers until just before the next frame, then sends it together', () => {
      const { c, sent, channel } = setUp();
      c.advance(1);
      channel.push(delta('a', 1, 'A1'));
      // A lone answer's text leaves at once, as without a report…
      expect(sent).toEqual([[1, [delta('a', 1, 'A1')]]]);
      c.advance(4);
      // …a second answer's makes it wait for the frame.
      channel.push(delta('b', 1, 'B1'));
      channel.push(delta('a', 2, 'A2'));
      c.advance(16 - FRAME_LEAD_MS - 5 - 0.5);
      expect(sent).toHaveLength(1);
      c.advance(0.5);
      expect(sent.at(-1)).toEqual([16 - FRAME_LEAD_MS, [delta('b', 1, 'B1'), delta('a', 2, 'A2')]]);
      // The next frame's text waits for the next frame.
      c.advance(2 + FRAME_LEAD_MS);
      channel.push(delta('a', 3, 'A3'));
      c.advance(16);
      expect(sent.at(-1)).toEqual([32 - FRAME_LEAD_MS, [delta('a', 3, 'A3')]]);
      expect(c.pending).toBe(0);
    });

    it('sends text that comes in the last moments before a frame at once, each time', () => {
      const { c, sent, channel } = setUp();
      c.advance(2);
      channel.push(delta('a', 1, 'A1'));
      channel.push(delta('b', 1, 'B1'));
      c.advance(16 - FRAME_LEAD_MS - 2);
      expect(sent).toHaveLength(2);
      c.advance(1);
      channel.push(delta('a', 2, 'A2'));
      c.advance(0.5);
      channel.push(delta('b', 2, 'B2'));
      expect(sent.slice(2)).toEqual([
        [16 - FRAME_LEAD_MS + 1, [delta('a', 2, 'A2')]],
        [16 - FRAME_LEAD_MS + 1.5, [delta('b', 2, 'B2')]],
      ]);
    });

    it("sends a lone answer's text at once once the others have stopped", () => {
      const { c, sent, channel } = setUp();
      c.advance(2);
      channel.push(delta('a', 1, 'A1'));
      channel.push(delta('b', 1, 'B1'));
      c.advance(16);
      expect(sent).toHaveLength(2);
      // Only a streams from here on: after a while without b's text, a's leaves as it comes.
      for (let seq = 2; seq < 20; seq++) {
        c.advance(8);
        channel.push(delta('a', seq, `A${seq}`));
      }
      expect(sent.at(-1)).toEqual([c.now(), [delta('a', 19, 'A19')]]);
    });

    it('spaces the lists as without a report once the window has stopped reporting', () => {
      const { c, sent, channel } = setUp();
      c.advance(FRAME_CLOCK_FRESH_MS + 1);
      channel.push(delta('a', 1, 'A1'));
      channel.push(delta('b', 1, 'B1'));
      expect(sent.map(([, d]) => d)).toEqual([[delta('a', 1, 'A1')]]);
      c.advance(DELTA_INTERVAL_MS);
      expect(sent.map(([, d]) => d)).toEqual([[delta('a', 1, 'A1')], [delta('b', 1, 'B1')]]);
    });

    it('lets no end of an answer overtake its held text', () => {
      const c = new FakeClock();
      const frames = new FrameClock(() => EPOCH + c.now());
      frames.report(EPOCH, 16);
      const events: [string, unknown][] = [];
      const emit = ((name: string, payload: unknown) => events.push([name, payload])) as never;
      const chatEmit = channelChatEvents(emit, c.now, c.setTimer, frames);
      c.advance(2);
      chatEmit('chat.delta', delta('a', 1, 'Hel'));
      const done = { conversationId: 'c1' } as unknown as ChatDone;
      chatEmit('chat.done', done);
      expect(events).toEqual([
        ['chat.deltas', [delta('a', 1, 'Hel')]],
        ['chat.done', done],
      ]);
      c.advance(32);
      expect(events).toHaveLength(2);
    });
  });
});
