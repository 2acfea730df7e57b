import type {
  ActiveStream,
  ChatDelta,
  ChatDone,
  ChatParams,
  ChatRetryWait,
  ChatSendInput,
  ChatSnapshot,
  ChatUsage,
  TurnMessages,
} from '../../shared/types/chat';
import type { Conversation, Message } from '../../shared/types/history';
import { isRelayErrorKind } from '../../shared/relay';
import type { HistoryStore } from '../history/HistoryStore';
import { continueRefusal, regenerateRefusal } from '../../shared/rules/answerActions';
import { ChatTurn, type TurnDeps } from './ChatTurn';
import { conversationChange, type ConversationChange } from '../history/conversationChange';
import {
  NO_DEFAULTS,
  sendInNewConversation,
  type NewConversationDefaults,
  withPrompt,
} from './newConversation';
import { realSetTimer, type SetTimer } from '../../shared/sleep';
import { setImmediate as nextTask } from 'node:timers/promises';
import { FleeceError } from '../errors/FleeceError';
import { assemblePrompt, fitToContext } from './promptAssembly';
import { askSummary } from './summarise';
import { latestSummaryIndex } from '../../shared/rules/contextSummary';
import { contextWindowOf } from '../../shared/rules/contextTrim';
import type { AttachmentRef } from '../../shared/attachment';
import type { ChatTarget, RelayChatMessage, StreamChat } from './relayTypes';
import type { CompareTarget, CompareTurn } from '../../shared/types/compare';

export type ChatEmit = {
  (name: 'chat.delta', payload: ChatDelta): void;
  (name: 'chat.done', payload: ChatDone): void;
};

/**
 * The part of HistoryStore a chat turn uses (a test can wrap it to observe checkpoints). Several
 * models at once also need the comparisons and the path's ids.
 */
export type ChatHistory = Partial<
  Pick<
    HistoryStore,
    'finishMessageOffThread' | 'messageRank' | 'recordComparison' | 'pathIds' | 'chooseVersion'
  >
> &
  Pick<
    HistoryStore,
    | 'getConversation'
    | 'createConversation'
    | 'updateConversationSettings'
    | 'appendMessage'
    | 'getMessage'
    | 'pathMessages'
    | 'messageVersions'
    | 'appendToMessage'
    | 'finishMessage'
    | 'reopenMessage'
    | 'editMessage'
    | 'deleteMessage'
    | 'purgeConversation'
  >;

export interface ChatServiceDeps {
  history: ChatHistory;
  streamChat: StreamChat;
  /** The conversation's endpoint, model and key (profiles + keychain). May throw: the turn ends in `error`. */
  resolveTarget: (conversation: Conversation) => Promise<ChatTarget>;
  emit: ChatEmit;
  /** `chat.retryWait`: a retry waits (a 429's Retry-After, or a backoff). */
  emitRetryWait?: (wait: ChatRetryWait) => void;
  now?: () => number;
  computeCost?: (model: string, usage: ChatUsage) => number | null;
  /** A model's context window in tokens (the user's figure, else the known one); see contextTrim. */
  contextWindow?: (conversation: Conversation) => number;
  /** What a summary cost (it is not an answer): recorded for the Usage page. */
  recordSummaryUsage?: (usage: {
    conversationId: string;
    model: string;
    profileId: string | null;
    promptTokens: number;
    completionTokens: number;
    tokensEstimated: boolean;
  }) => void;
  setTimer?: SetTimer;
  log?: (message: string, error?: unknown) => void;
  /** Holds checkpoints and final records the disk refused, and writes them when it accepts again. */
  storage?: TurnDeps['storage'];
  /** A new conversation's defaults (the given profile's, else the active one's); without it, none. */
  newConversationDefaults?: (profileId?: string) => NewConversationDefaults;
  /** Told when a turn creates a conversation or changes one (its title, its last activity). */
  emitChanged?: (change: ConversationChange) => void;
  /** Told after each `chat.done` was emitted. */
  onDone?: (done: ChatDone) => void;
  /** Attached files: checked when a question is sent, expanded into content parts per request. */
  attachments?: ChatAttachments;
  /** Throws when a profile a comparison names does not exist (its answer would go elsewhere). */
  requireProfile?: (profileId: string) => void;
}

/** One question to several models (`chat.compare`). */
export interface CompareInput {
  conversationId?: string;
  text: string;
  attachments?: { hash: string; name: string }[];
  targets: CompareTarget[];
  /** A new conversation only, as in `send`. */
  systemPrompt?: string;
  temperature?: number;
}

/** The part of the attachment service a turn uses. */
export interface ChatAttachments {
  check(refs: readonly { hash: string; name: string }[]): AttachmentRef[];
  sent(refs: readonly AttachmentRef[]): void;
  expandPrompt: NonNullable<TurnDeps['expandPrompt']>;
}

/**
 * A chat turn end to end (DESIGN.md, "A chat turn"): the user and assistant messages are stored
 * and returned at once; the answer streams in the background as coalesced
 * `chat.delta` events, checkpointed to disk, and ends with one `chat.done`.
 */
export class ChatService {
  private readonly turns = new Map<string, ChatTurn>();
  /** Summaries being asked for, by conversation: `stopSummary` aborts one. */
  private readonly summaries = new Map<string, AbortController>();
  /** The running turns that answer a comparison (the others of its answers may go on). */
  private readonly comparedTurns = new Set<string>();
  private readonly now: () => number;
  private readonly setTimer: SetTimer;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly deps: ChatServiceDeps) {
    // Monotonic: the 16 ms and 250 ms spacing must not jump with the wall clock.
    this.now = deps.now ?? (() => performance.now());
    this.setTimer = deps.setTimer ?? realSetTimer;
    this.log = deps.log ?? (() => undefined);
  }

  async send(input: ChatSendInput): Promise<TurnMessages> {
    const files = input.attachments ?? [];
    if (input.text.trim() === '' && files.length === 0)
      throw new FleeceError('bad_request', { text: 'message_empty' });
    // Checked before anything is stored: a missing file fails the send, the draft stays.
    const attachments = files.length > 0 ? this.requireAttachments().check(files) : [];
    if (!input.conversationId) return this.sendInNewConversation(input);
    const history = this.deps.history;
    let conversation = this.requireConversation(input.conversationId);
    await this.settleConversation(conversation.id);
    const patch = {
      ...(input.model && input.model !== conversation.model ? { model: input.model } : {}),
      ...(input.profileId && input.profileId !== conversation.profileId
        ? { profileId: input.profileId }
        : {}),
    };
    if (Object.keys(patch).length > 0)
      conversation = history.updateConversationSettings(conversation.id, patch);
    const user = await this.storeQuestion(conversation.id, input.text, attachments);
    return this.startAnswer(conversation, user, input.params);
  }

  /**
   * Sends one question to several models at once: each answer is a version of the others under
   * the question, streams on its own (`chat.delta`, `chat.done`, its own `chat.stop`) to its
   * target's profile and model, with the same prompt. The first target's answer is on screen
   * until the user keeps one (`chat.keep`). The comparison is recorded for the compare view.
   */
  async compare(input: CompareInput): Promise<CompareTurn> {
    const files = input.attachments ?? [];
    if (input.text.trim() === '' && files.length === 0)
      throw new FleeceError('bad_request', { text: 'message_empty' });
    const first = input.targets[0];
    if (!first) throw new FleeceError('invalid_input');
    for (const target of input.targets) this.deps.requireProfile?.(target.profileId);
    const attachments = files.length > 0 ? this.requireAttachments().check(files) : [];
    if (!input.conversationId) return this.compareInNewConversation(input, first);
    const conversation = this.requireConversation(input.conversationId);
    await this.settleConversation(conversation.id);
    const user = await this.storeQuestion(conversation.id, input.text, attachments);
    return this.startComparison(conversation, user, input.targets);
  }

  /**
   * Summarises the conversation so far with its model: the summary is a message of its own at
   * the end of the path (role `system`, editable), and later prompts send it instead of the
   * messages before it (see rules/contextSummary.ts). Nothing is deleted.
   */
  async summarise(conversationId: string): Promise<Message> {
    const conversation = this.requireConversation(conversationId);
    await this.settleConversation(conversation.id);
    const path = this.deps.history.pathMessages(conversation.id);
    const since = path.slice(Math.max(0, latestSummaryIndex(path)));
    if (this.summaries.has(conversation.id))
      throw new FleeceError('bad_request', { text: 'summary_running' });
    const stop = new AbortController();
    this.summaries.set(conversation.id, stop);
    let asked: Awaited<ReturnType<typeof askSummary>>;
    let target: ChatTarget;
    try {
      target = await this.deps.resolveTarget(conversation);
      asked = await askSummary(
        this.deps.streamChat,
        target,
        since,
        this.windowOf(conversation),
        stop.signal,
      );
    } finally {
      this.summaries.delete(conversation.id);
    }
    const { text, usage, stopped } = asked;
    this.deps.recordSummaryUsage?.({
      conversationId: conversation.id,
      model: target.model,
      profileId: target.profileId,
      ...usage,
    });
    if (stopped) throw new FleeceError('aborted', { text: 'relay_stopped' });
    if (text === '') throw new FleeceError('bad_request', { text: 'summary_empty' });
    const summary = this.deps.history.appendMessage({
      conversationId: conversation.id,
      role: 'system',
      content: text,
      model: target.model,
      profileId: conversation.profileId,
    });
    this.deps.emitChanged?.(conversationChange(this.deps.history, conversation.id));
    return summary;
  }

  /** Stops the summary being asked for in a conversation (nothing is added); false when none runs. */
  stopSummary(conversationId: string): boolean {
    const running = this.summaries.get(conversationId);
    running?.abort();
    return running !== undefined;
  }

  /** Stops a stream; its text is kept with status `stopped`. Resolves once that is recorded. */
  async stop(messageId: string): Promise<boolean> {
    const turn = this.turns.get(messageId);
    if (!turn) return false;
    turn.stop('user');
    await turn.finished;
    return true;
  }

  /** Asks the model to go on from a stopped, interrupted or length-cut answer; appends to the same message. */
  async continue(messageId: string): Promise<TurnMessages> {
    const message = this.requireMessage(messageId, 'assistant');
    const conversation = this.requireConversation(message.conversationId);
    await this.settleConversation(conversation.id);
    const current = this.requireMessage(messageId, 'assistant');
    const all = this.deps.history.pathMessages(conversation.id);
    const refusal = continueRefusal(current, all.at(-1)?.id === messageId);
    if (refusal === 'finished') {
      throw new FleeceError('bad_request', { text: 'continue_not_resumable' });
    }
    if (refusal === 'no_text') {
      // Nothing to go on from (it stopped while thinking, or before the first word).
      throw new FleeceError('bad_request', { text: 'continue_no_text' });
    }
    if (refusal !== null) {
      throw new FleeceError('bad_request', { text: 'continue_not_last' });
    }
    this.deps.history.reopenMessage(messageId);
    const reopened = this.requireMessage(messageId, 'assistant');
    const prompt = assemblePrompt(conversation, this.fitted(conversation, all), {
      continueLast: true,
    });
    this.startTurn(conversation, reopened, prompt, this.defaultParams(conversation));
    return {
      conversationId: conversation.id,
      user: this.userBefore(all, messageId),
      assistant: reopened,
    };
  }

  /**
   * Asks the question of an answer again: the new answer is another version beside it (on
   * screen), and the earlier one, with whatever followed it, stays as it was.
   */
  async regenerate(messageId: string): Promise<TurnMessages> {
    const message = this.deps.history.getMessage(messageId);
    if (!message) throw new FleeceError('not_found', { text: 'message_gone' });
    if (regenerateRefusal(message) !== null)
      throw new FleeceError('bad_request', { text: 'regenerate_not_answer' });
    const conversation = this.requireConversation(message.conversationId);
    await this.settleConversation(conversation.id);
    const user = this.questionOf(messageId);
    if (!user) throw new FleeceError('bad_request', { text: 'regenerate_no_question' });
    return this.startAnswer(conversation, user);
  }

  /**
   * Asks an edited question: the edit is a new version of the question (a branch from there,
   * on screen) and the first version keeps its answers.
   */
  async editAndResend(userMessageId: string, text: string): Promise<TurnMessages> {
    const message = this.requireMessage(userMessageId, 'user');
    // The question keeps its files: with some, the text may be emptied.
    if (text.trim() === '' && message.attachments.length === 0)
      throw new FleeceError('bad_request', { text: 'message_empty' });
    const conversation = this.requireConversation(message.conversationId);
    await this.settleConversation(conversation.id);
    const edited = this.deps.history.appendMessage({
      conversationId: conversation.id,
      role: 'user',
      content: text,
      parentId: message.parentId,
      // The question keeps its files in its new version.
      ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    });
    await nextTask();
    return this.startAnswer(this.requireConversation(conversation.id), edited);
  }

  /**
   * A streaming message as already sent in `chat.delta` events (text the batcher still holds
   * excluded; after a Continue, the earlier text included), with the seq of the last event sent.
   * The renderer applies the deltas numbered above `seq` on top. Null when it is not streaming.
   */
  snapshot(messageId: string): ChatSnapshot | null {
    return this.turns.get(messageId)?.snapshot() ?? null;
  }

  activeStreams(): ActiveStream[] {
    return [...this.turns.values()].map((t) => ({
      conversationId: t.spec.conversation.id,
      messageId: t.messageId,
    }));
  }

  /** Ends every stream (recorded as `interrupted`, with its text) and waits until all are on disk. */
  async dispose(): Promise<void> {
    const turns = [...this.turns.values()];
    for (const turn of turns) turn.stop('dispose');
    await Promise.all(turns.map((t) => t.finished));
  }

  /** Deletes a message; one still being written is stopped first (no tokens billed for nothing). */
  async deleteMessage(messageId: string): Promise<void> {
    await this.stop(messageId);
    this.deps.history.deleteMessage(messageId);
  }

  private async sendInNewConversation(input: ChatSendInput): Promise<TurnMessages> {
    const history = this.deps.history;
    const ids = await sendInNewConversation(
      history,
      withPrompt(this.deps.newConversationDefaults?.(input.profileId) ?? NO_DEFAULTS, input),
      input.model,
      (conversationId) => this.send({ ...input, conversationId }),
    );
    this.deps.emitChanged?.(conversationChange(history, ids.conversationId));
    return ids;
  }

  private async compareInNewConversation(
    input: CompareInput,
    first: CompareTarget,
  ): Promise<CompareTurn> {
    const history = this.deps.history;
    const turn = await sendInNewConversation(
      history,
      withPrompt(this.deps.newConversationDefaults?.(first.profileId) ?? NO_DEFAULTS, input),
      first.model,
      (conversationId) => this.compare({ ...input, conversationId }),
    );
    this.deps.emitChanged?.(conversationChange(history, turn.conversationId));
    return turn;
  }

  private startComparison(
    conversation: Conversation,
    user: Message,
    targets: readonly CompareTarget[],
  ): CompareTurn {
    const history = this.deps.history;
    if (!history.recordComparison) throw new Error('this history cannot record comparisons');
    const asked = targets.map((t) => ({ ...conversation, model: t.model, profileId: t.profileId }));
    let answers = asked.map((c) =>
      history.appendMessage({
        conversationId: conversation.id,
        role: 'assistant',
        status: 'streaming',
        model: c.model,
        profileId: c.profileId,
        parentId: user.id,
      }),
    );
    const first = answers[0] as Message;
    // Each answer appended became the version on screen: the first model's is, until one is kept.
    history.chooseVersion?.(first.id);
    const comparison = history.recordComparison({
      conversationId: conversation.id,
      questionId: user.id,
      answerIds: answers.map((a) => a.id),
    });
    // The same prompt for all: the path to the question, cut to fit the smallest window.
    const path = history.pathMessages(conversation.id);
    const fitted = asked
      .map((c) => this.fitted(c, path, first.id))
      .reduce((a, b) => (b.length < a.length ? b : a));
    const prompt = assemblePrompt(conversation, fitted);
    const params = this.defaultParams(conversation);
    answers.forEach((answer, i) => {
      this.comparedTurns.add(answer.id);
      this.startTurn(asked[i] as Conversation, answer, prompt, params);
    });
    // Ranks as stored now (the choice above changed them), read without the texts.
    const ranked = (m: Message): Message => {
      const rank = history.messageRank?.(m.id) ?? null;
      return rank === null ? m : { ...m, versionRank: rank };
    };
    user = ranked(user);
    answers = answers.map(ranked);
    const versions: Record<string, string[]> = {};
    const userVersions = history.messageVersions(user.id);
    if (userVersions.length > 1) versions[user.id] = userVersions;
    const answerVersions = history.messageVersions(first.id);
    if (answerVersions.length > 1) for (const a of answers) versions[a.id] = answerVersions;
    return { conversationId: conversation.id, user, answers, comparison, versions };
  }

  /** Stores a question with its files; resolves in a task of its own (see `send`). */
  private async storeQuestion(
    conversationId: string,
    text: string,
    attachments: readonly AttachmentRef[],
  ): Promise<Message> {
    const user = this.deps.history.appendMessage({
      conversationId,
      role: 'user',
      content: text,
      ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
    });
    if (attachments.length > 0) this.deps.attachments?.sent(attachments);
    // Storing a long question and reading the prompt back are each a task of their own.
    await nextTask();
    return user;
  }

  private startAnswer(
    conversation: Conversation,
    user: Message,
    params?: ChatParams,
  ): TurnMessages {
    const history = this.deps.history;
    const assistant = history.appendMessage({
      conversationId: conversation.id,
      role: 'assistant',
      status: 'streaming',
      model: conversation.model,
      profileId: conversation.profileId,
      parentId: user.id,
    });
    // The new answer is on screen, so the path on screen ends with it: the prompt is what it follows.
    const prompt = assemblePrompt(
      conversation,
      this.fitted(conversation, history.pathMessages(conversation.id), assistant.id),
    );
    this.startTurn(conversation, assistant, prompt, params ?? this.defaultParams(conversation));
    // The question's rank changed if the answer made it the version on screen (read without
    // its text: a long question is not read back a second time).
    const rank = history.messageRank ? history.messageRank(user.id) : null;
    if (rank !== null) user = { ...user, versionRank: rank };
    else if (!history.messageRank) user = history.getMessage(user.id) ?? user;
    const versions: Record<string, string[]> = {};
    for (const m of [user, assistant]) {
      const ids = history.messageVersions(m.id);
      if (ids.length > 1) versions[m.id] = ids;
    }
    return {
      conversationId: conversation.id,
      user,
      assistant,
      ...(Object.keys(versions).length > 0 ? { versions } : {}),
    };
  }

  private startTurn(
    conversation: Conversation,
    message: Message,
    prompt: RelayChatMessage[],
    params?: ChatParams,
  ): void {
    const files = this.deps.attachments;
    const turn = new ChatTurn(
      {
        history: this.deps.history,
        streamChat: this.deps.streamChat,
        resolveTarget: this.deps.resolveTarget,
        emitDelta: (messageId, seq, content, reasoning, receivedAt) =>
          this.deps.emit('chat.delta', {
            conversationId: conversation.id,
            messageId,
            seq,
            content,
            reasoning,
            receivedAt,
          }),
        emitDone: (done) => {
          this.deps.emit('chat.done', done);
          this.deps.emitChanged?.(conversationChange(this.deps.history, done.conversationId));
          this.deps.onDone?.(done);
        },
        emitRetryWait: (messageId, wait) =>
          this.deps.emitRetryWait?.({
            conversationId: conversation.id,
            messageId,
            until: Date.now() + wait.delayMs,
            attempt: wait.attempt,
            code: isRelayErrorKind(wait.code) ? wait.code : 'network',
          }),
        now: this.now,
        setTimer: this.setTimer,
        computeCost: this.deps.computeCost,
        log: this.log,
        ...(this.deps.storage ? { storage: this.deps.storage } : {}),
        ...(files
          ? { expandPrompt: (p: readonly RelayChatMessage[]) => files.expandPrompt(p) }
          : {}),
      },
      { conversation, message, prompt, ...(params ? { params } : {}) },
    );
    this.turns.set(message.id, turn);
    void turn.finished.then(() => {
      this.turns.delete(message.id);
      this.comparedTurns.delete(message.id);
    });
  }

  /** The path as sent: its oldest turns left out when they exceed the turn limit or the window. */
  private fitted(conversation: Conversation, path: readonly Message[], stopBeforeId?: string) {
    return fitToContext(conversation, path, this.windowOf(conversation), stopBeforeId).messages;
  }

  private windowOf(conversation: Conversation): number {
    return (
      this.deps.contextWindow?.(conversation) ?? contextWindowOf(conversation.model, []).tokens
    );
  }

  private defaultParams(conversation: Conversation): ChatParams | undefined {
    return conversation.temperature === null
      ? undefined
      : { temperature: conversation.temperature };
  }

  /**
   * Operations on a conversation wait for its running stream to stop and be recorded first. The
   * answers of a comparison that are not on screen are not part of any prompt: they go on.
   */
  private async settleConversation(conversationId: string): Promise<void> {
    let running = [...this.turns.values()].filter((t) => t.spec.conversation.id === conversationId);
    const pathIds = this.deps.history.pathIds;
    if (pathIds && running.some((t) => this.comparedTurns.has(t.messageId))) {
      const onScreen = new Set(pathIds.call(this.deps.history, conversationId));
      running = running.filter(
        (t) => !this.comparedTurns.has(t.messageId) || onScreen.has(t.messageId),
      );
    }
    for (const turn of running) turn.stop('user');
    await Promise.all(running.map((t) => t.finished));
  }

  /** The question an answer replies to: the nearest question before it on its path. */
  private questionOf(answerId: string): Message | null {
    const message = this.deps.history.getMessage(answerId);
    if (!message) return null;
    const path = this.deps.history.pathMessages(message.conversationId);
    const at = path.findIndex((m) => m.id === answerId);
    if (at >= 0) return this.userBefore(path, answerId);
    // Not on screen (a version switched away meanwhile): its parent, when that is a question.
    const parent = message.parentId ? this.deps.history.getMessage(message.parentId) : null;
    return parent?.role === 'user' ? parent : null;
  }

  private userBefore(messages: readonly Message[], messageId: string): Message | null {
    const index = messages.findIndex((m) => m.id === messageId);
    return messages.slice(0, Math.max(0, index)).findLast((m) => m.role === 'user') ?? null;
  }

  private requireAttachments(): ChatAttachments {
    if (!this.deps.attachments)
      throw new FleeceError('bad_request', { text: 'attachment_type', params: { name: '' } });
    return this.deps.attachments;
  }

  private requireConversation(id: string): Conversation {
    const conversation = this.deps.history.getConversation(id);
    if (!conversation || conversation.deletedAt !== null) {
      throw new FleeceError('not_found', { text: 'conversation_gone' });
    }
    return conversation;
  }

  private requireMessage(id: string, role: Message['role']): Message {
    const message = this.deps.history.getMessage(id);
    if (!message || message.role !== role)
      throw new FleeceError('not_found', { text: 'message_gone', params: { role } });
    return message;
  }
}
