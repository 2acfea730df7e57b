import type { ChatDone, ChatParams, ChatSnapshot, ChatUsage } from '../../shared/types/chat';
import type { Conversation, Message } from '../../shared/types/history';
import type { HistoryStore } from '../history/HistoryStore';
import type { MessageOutcome } from '../history/messageRepository';
import type { StorageGuard } from '../storage/StorageGuard';
import type { SetTimer } from '../../shared/sleep';
import { DeltaBatcher } from './DeltaBatcher';
import { coded } from '../../shared/codes';
import { toTurnFailure, type TurnFailure } from './errors';
import type { ChatTarget, RelayChatMessage, StreamChat } from './relayTypes';
import { maskEchoedKey } from './maskEchoedKey';
import { checkpointEnd } from './checkpointCut';
import { estimateUsage } from './tokenEstimate';
import { combineOutcome, type StreamResult } from './turnOutcome';

/**
 * The growing answer reaches the disk at most this often, so a crash loses ≤ this much. Each
 * checkpoint appends only the text that came since the last one (one small INSERT).
 */
export const CHECKPOINT_INTERVAL_MS = 250;
/**
 * Characters one checkpoint writes at most (~1–5 ms of work): a burst longer than this, from a
 * fast local server, is written over several tasks back to back.
 */
export const CHECKPOINT_MAX_CHARS = 256 * 1024;

export interface TurnDeps {
  history: Pick<HistoryStore, 'appendToMessage' | 'finishMessage'> &
    Partial<Pick<HistoryStore, 'finishMessageOffThread'>>;
  streamChat: StreamChat;
  resolveTarget: (conversation: Conversation) => Promise<ChatTarget>;
  emitDelta: (
    messageId: string,
    seq: number,
    content: string,
    reasoning: string,
    receivedAt: number,
  ) => void;
  emitDone: (done: ChatDone) => void;
  /** A retry waits `delayMs` (a 429's Retry-After or a backoff) before attempt `attempt`. */
  emitRetryWait?: (messageId: string, wait: RetryWaitInfo) => void;
  now: () => number;
  setTimer: SetTimer;
  computeCost?: (model: string, usage: ChatUsage) => number | null;
  log: (message: string, error?: unknown) => void;
  /** Holds writes the disk refused and retries them (without it a failed write is only logged). */
  storage?: Pick<StorageGuard, 'hold'> & Partial<Pick<StorageGuard, 'status'>>;
  /** Turns questions' attachments into content parts (without it they are left out). */
  expandPrompt?: (prompt: readonly RelayChatMessage[]) => Promise<ExpandedPrompt>;
}

/** The request's messages as sent, and what its images cost. */
export interface ExpandedPrompt {
  messages: RelayChatMessage[];
  images: number;
  imageTokens: number;
}

function withoutAttachments(prompt: readonly RelayChatMessage[]): ExpandedPrompt {
  return {
    messages: prompt.map(({ attachments: _files, ...m }) => m),
    images: 0,
    imageTokens: 0,
  };
}

/** Words a relay uses when the model cannot take an image. */
const IMAGE_REFUSAL = /image|vision|multimodal|multi-modal|image_url|content type|content part/i;

export interface RetryWaitInfo {
  attempt: number;
  delayMs: number;
  code: string;
}

export interface TurnSpec {
  conversation: Conversation;
  /** The assistant message being written; for Continue it already holds text. */
  message: Message;
  prompt: RelayChatMessage[];
  params?: ChatParams;
}

const ABORTED = Symbol('aborted');

/** One stream into one assistant message: relay → batched events → checkpoints → final record. */
export class ChatTurn {
  readonly finished: Promise<void>;
  private readonly controller = new AbortController();
  private stopReason: 'user' | 'dispose' | null = null;
  /** The prompt as it was sent (attachments expanded), once the request was built. */
  private sent: ExpandedPrompt | null = null;
  private content: string;
  private reasoning: string;
  /**
   * The text not on disk yet. Kept apart from `content`, which grows as a rope of deltas:
   * reading a character of that rope flattens all of it (megabytes, at every checkpoint).
   */
  private unsaved = { content: '', reasoning: '' };
  /** The first text is written at once (nothing to lose yet but no reason to wait), then ≤ 1 per interval. */
  private lastCheckpointAt = Number.NEGATIVE_INFINITY;
  private cancelCheckpoint: (() => void) | null = null;
  private readonly batcher: DeltaBatcher;
  /** "Thought for N s": first reasoning delta → first content delta after it (or the end). */
  private reasoningStartedAt: number | null = null;
  private reasoningEndedAt: number | null = null;
  /** Set once `chat.done` went out: from then on the message is read from disk, not from here. */
  private ended = false;
  /** The target's key, only to mask it where the relay echoed it into the answer. */
  private apiKey: string | undefined;
  /** Time spent waiting to retry (Retry-After, backoff): not part of the time to first token. */
  private waitedMs = 0;

  constructor(
    private readonly deps: TurnDeps,
    readonly spec: TurnSpec,
  ) {
    this.content = spec.message.content;
    this.reasoning = spec.message.reasoning;
    this.batcher = new DeltaBatcher(
      (seq, c, r, receivedAt) => deps.emitDelta(spec.message.id, seq, c, r, receivedAt),
      deps.now,
      deps.setTimer,
    );
    this.finished = this.run().catch((error: unknown) =>
      deps.log('chat turn failed to finish', error),
    );
  }

  get messageId(): string {
    return this.spec.message.id;
  }

  /** The text the renderer has been sent so far (held-back text excluded), as of event `seq`. */
  snapshot(): ChatSnapshot | null {
    if (this.ended) return null;
    const held = this.batcher.pending;
    return {
      content: this.content.slice(0, this.content.length - held.content.length),
      reasoning: this.reasoning.slice(0, this.reasoning.length - held.reasoning.length),
      seq: this.batcher.lastSeq,
    };
  }

  /**
   * A request with images that the relay refused as malformed is, nearly always, a model that
   * does not take images: the card says so and how to fix it (pick a vision model).
   */
  private explainImageRefusal(failure: TurnFailure): TurnFailure {
    if (!this.sent || this.sent.images === 0 || failure.kind !== 'bad_request') return failure;
    return {
      ...failure,
      ...(failure.detail === undefined || IMAGE_REFUSAL.test(failure.detail)
        ? { text: coded('relay_image_refused') }
        : {}),
      hint: coded('hint_pick_vision_model'),
    };
  }

  stop(reason: 'user' | 'dispose'): void {
    this.stopReason ??= reason;
    this.controller.abort();
  }

  private async run(): Promise<void> {
    const startedAt = this.deps.now();
    const result: StreamResult = {
      target: null,
      usage: null,
      finishReason: null,
      sawDone: false,
      ttftMs: null,
      failure: null,
    };
    const aborted = new Promise<typeof ABORTED>((resolve) =>
      this.controller.signal.addEventListener('abort', () => resolve(ABORTED), { once: true }),
    );
    try {
      // Start on the next macrotask: the caller's reply (the ids) reaches the renderer before any event.
      await new Promise<void>((resolve) => this.deps.setTimer(resolve, 0));
      const target = await Promise.race([this.deps.resolveTarget(this.spec.conversation), aborted]);
      if (target === ABORTED) throw new Error('stopped before the request started');
      result.target = target;
      this.apiKey = target.apiKey;
      await this.stream(target, startedAt, aborted, result);
    } catch (error) {
      if (!this.stopReason) {
        result.failure = this.explainImageRefusal(toTurnFailure(error));
        // The user sees a generic sentence; what actually went wrong goes to the log.
        if (result.failure.unexpected) this.deps.log('chat turn failed unexpectedly', error);
      }
    }
    this.cancelCheckpoint?.();
    this.adoptPartial(result.failure);
    const endedAt = this.deps.now(); // before the flush's wait for the 16 ms slot
    const reasoningMs =
      this.reasoningStartedAt === null
        ? null
        : Math.round((this.reasoningEndedAt ?? endedAt) - this.reasoningStartedAt);
    await this.batcher.flush();
    await this.finish(result, endedAt - startedAt, reasoningMs);
  }

  private async stream(
    target: ChatTarget,
    startedAt: number,
    aborted: Promise<typeof ABORTED>,
    result: StreamResult,
  ): Promise<void> {
    this.sent = this.deps.expandPrompt
      ? await this.deps.expandPrompt(this.spec.prompt)
      : withoutAttachments(this.spec.prompt);
    const request = {
      baseUrl: target.baseUrl,
      model: target.model,
      messages: this.sent.messages,
      ...(target.apiKey ? { apiKey: target.apiKey } : {}),
      ...(this.spec.params ? { params: this.spec.params } : {}),
    };
    const options = {
      signal: this.controller.signal,
      ...(target.connectTimeoutMs ? { connectTimeoutMs: target.connectTimeoutMs } : {}),
      ...(target.idleTimeoutMs ? { idleTimeoutMs: target.idleTimeoutMs } : {}),
      ...(target.fallbackBaseUrls ? { fallbackBaseUrls: target.fallbackBaseUrls } : {}),
      onRetryWait: (wait: RetryWaitInfo) => {
        this.waitedMs += wait.delayMs;
        this.deps.emitRetryWait?.(this.spec.message.id, wait);
      },
    };
    const iterator = this.deps.streamChat(request, options)[Symbol.asyncIterator]();
    for (;;) {
      const step = await Promise.race([iterator.next(), aborted]);
      if (step === ABORTED) {
        // The relay closes its socket on the abort; a generator stuck in an await must not hold us.
        void iterator.return?.()?.catch(() => undefined);
        return;
      }
      if (step.done) return;
      const event = step.value;
      if (event.type === 'delta') {
        const content = event.content ?? '';
        const reasoning = event.reasoning ?? '';
        if (content === '' && reasoning === '') continue;
        const now = this.deps.now();
        result.ttftMs ??= Math.max(0, now - startedAt - this.waitedMs);
        if (reasoning !== '') this.reasoningStartedAt ??= now;
        if (content !== '' && this.reasoningStartedAt !== null) this.reasoningEndedAt ??= now;
        this.append(content, reasoning);
      } else if (event.type === 'usage') {
        result.usage = {
          promptTokens: event.promptTokens,
          completionTokens: event.completionTokens,
        };
      } else {
        result.finishReason = event.finishReason;
        result.sawDone = true;
        // `done` is last: let the relay run its cleanup; its failure cannot undo a finished answer.
        await iterator.return?.()?.catch(() => undefined);
        return;
      }
    }
  }

  private append(content: string, reasoning: string): void {
    this.content += content;
    this.reasoning += reasoning;
    this.unsaved.content += content;
    this.unsaved.reasoning += reasoning;
    this.batcher.push(content, reasoning);
    if (this.cancelCheckpoint) return;
    const wait = Math.max(0, this.lastCheckpointAt + CHECKPOINT_INTERVAL_MS - this.deps.now());
    this.cancelCheckpoint = this.deps.setTimer(() => this.checkpoint(), wait);
  }

  private checkpoint(): void {
    this.cancelCheckpoint = null;
    this.lastCheckpointAt = this.deps.now();
    const { messageId } = this;
    // Computed when it runs: a write held by the storage guard and retried later appends all
    // that is unsaved by then.
    const write = (): void => {
      const { unsaved } = this;
      const contentEnd = checkpointEnd(unsaved.content, 0, CHECKPOINT_MAX_CHARS, this.apiKey);
      const reasoningEnd = checkpointEnd(
        unsaved.reasoning,
        0,
        CHECKPOINT_MAX_CHARS - contentEnd,
        this.apiKey,
      );
      if (contentEnd === 0 && reasoningEnd === 0) return;
      // A key the relay echoes back is never written to disk.
      this.deps.history.appendToMessage(
        messageId,
        maskEchoedKey(unsaved.content.slice(0, contentEnd), this.apiKey),
        maskEchoedKey(unsaved.reasoning.slice(0, reasoningEnd), this.apiKey),
      );
      this.unsaved = {
        content: unsaved.content.slice(contentEnd),
        reasoning: unsaved.reasoning.slice(reasoningEnd),
      };
    };
    const before = this.unsavedLength();
    let saved = false;
    try {
      saved = this.deps.storage
        ? this.deps.storage.hold(messageId, write) === null
        : (write(), true);
    } catch (error) {
      this.deps.log('checkpoint failed', error);
    }
    // What a long burst left, or a quiet relay after it, still goes to disk: at once while more
    // than one checkpoint's worth waits, else after the usual interval.
    const left = this.unsavedLength();
    if (saved && left > 0 && left < before && !this.ended && !this.controller.signal.aborted) {
      const wait = left > CHECKPOINT_MAX_CHARS ? 0 : CHECKPOINT_INTERVAL_MS;
      this.cancelCheckpoint = this.deps.setTimer(() => this.checkpoint(), wait);
    }
  }

  private unsavedLength(): number {
    return this.unsaved.content.length + this.unsaved.reasoning.length;
  }

  /** The relay's `partial` may hold text it received but had not yielded yet; keep it too. */
  private adoptPartial(failure: TurnFailure | null): void {
    const partial = failure?.partial;
    if (!partial) return;
    const base = this.spec.message;
    const gotContent = this.content.slice(base.content.length);
    const gotReasoning = this.reasoning.slice(base.reasoning.length);
    const extraContent = partial.content.startsWith(gotContent)
      ? partial.content.slice(gotContent.length)
      : '';
    const extraReasoning = partial.reasoning.startsWith(gotReasoning)
      ? partial.reasoning.slice(gotReasoning.length)
      : '';
    if (extraContent !== '' || extraReasoning !== '') {
      this.content += extraContent;
      this.reasoning += extraReasoning;
      this.batcher.push(extraContent, extraReasoning);
    }
  }

  private async finish(
    result: StreamResult,
    durationMs: number,
    reasoningMs: number | null,
  ): Promise<void> {
    const base = this.spec.message;
    const newText =
      this.content.slice(base.content.length) + this.reasoning.slice(base.reasoning.length);
    let estimated: { promptTokens: number; completionTokens: number } | null = null;
    if (!result.usage && newText !== '') {
      const sent = this.sent ?? withoutAttachments(this.spec.prompt);
      estimated = await estimateUsage(sent.messages, newText, sent.imageTokens).catch(() => null);
    }
    const outcome = combineOutcome({
      base,
      content: maskEchoedKey(this.content, this.apiKey),
      reasoning: maskEchoedKey(this.reasoning, this.apiKey),
      result,
      estimated,
      stopReason: this.stopReason,
      durationMs,
      reasoningMs,
      computeCost: this.deps.computeCost,
    });
    let stored: Message = { ...base, ...outcome.record };
    const write = (): void => {
      stored = this.deps.history.finishMessage(this.messageId, outcome.record);
    };
    if (await this.finishOffThread(outcome.record, (message) => (stored = message))) {
      this.ended = true;
      this.deps.emitDone({
        conversationId: this.spec.conversation.id,
        message: stored,
        ...(outcome.failure ? { failure: outcome.failure } : {}),
      });
      return;
    }
    const done = (): ChatDone => ({
      conversationId: this.spec.conversation.id,
      message: stored,
      ...(outcome.failure ? { failure: outcome.failure } : {}),
    });
    let unsaved: string | null = null;
    try {
      if (this.deps.storage) {
        const failure = this.deps.storage.hold(this.messageId, write, {
          final: true,
          onSaved: () => this.deps.emitDone(done()),
        });
        unsaved = failure?.code ?? null;
      } else write();
    } catch (error) {
      // Not on disk: the window still learns how the stream ended (a reload shows the checkpoint).
      this.deps.log('could not record the end of a chat turn', error);
    }
    this.ended = true;
    // What the window shows as finished must be on disk: until it is, the answer is not `complete`.
    const finished = done();
    this.deps.emitDone(
      unsaved === null
        ? finished
        : {
            ...finished,
            message: { ...finished.message, status: 'error' },
            unsaved: { code: unsaved },
          },
    );
  }

  /**
   * Records the end through the history's writer thread (a long answer's text never blocks the
   * main thread). False when that is not available or failed: the caller then writes here, with
   * the storage guard (a refused write is held and retried, and the window told).
   */
  private async finishOffThread(
    record: MessageOutcome,
    stored: (message: Message) => void,
  ): Promise<boolean> {
    const offThread = this.deps.history.finishMessageOffThread;
    // While the disk refuses writes, the guard keeps the order of held writes and the notice.
    if (!offThread || this.deps.storage?.status?.().failing) return false;
    try {
      stored(await offThread.call(this.deps.history, this.messageId, record));
      return true;
    } catch (error) {
      this.deps.log('could not record the end of a chat turn off the main thread', error);
      return false;
    }
  }
}
