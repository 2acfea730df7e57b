import type {
  ActiveStream,
  ChatDelta,
  ChatDone,
  ChatParams,
  ChatSendInput,
  ChatSnapshot,
  ChatUsage,
  TurnIds,
} from '../../shared/types/chat';
import type { Conversation, Message } from '../../shared/types/history';
import type { HistoryStore } from '../history/HistoryStore';
import { ChatTurn } from './ChatTurn';
import { realSetTimer, type SetTimer } from './clock';
import { FleeceError } from '../errors/FleeceError';
import { assemblePrompt } from './promptAssembly';
import type { ChatTarget, RelayChatMessage, StreamChat } from './relayTypes';

export type ChatEmit = {
  (name: 'chat.delta', payload: ChatDelta): void;
  (name: 'chat.done', payload: ChatDone): void;
};

/** The part of HistoryStore a chat turn uses (a test can wrap it to observe checkpoints). */
export type ChatHistory = Pick<
  HistoryStore,
  | 'getConversation'
  | 'createConversation'
  | 'updateConversationSettings'
  | 'appendMessage'
  | 'getMessage'
  | 'allMessages'
  | 'checkpointMessage'
  | 'finishMessage'
  | 'reopenMessage'
  | 'editMessage'
  | 'deleteMessagesAfter'
>;

export interface ChatServiceDeps {
  history: ChatHistory;
  streamChat: StreamChat;
  /** The conversation's endpoint, model and key (profiles + keychain). May throw: the turn ends in `error`. */
  resolveTarget: (conversation: Conversation) => Promise<ChatTarget>;
  emit: ChatEmit;
  now?: () => number;
  computeCost?: (model: string, usage: ChatUsage) => number | null;
  setTimer?: SetTimer;
  log?: (message: string, error?: unknown) => void;
}

const CONTINUABLE = new Set<Message['status']>(['stopped', 'interrupted']);

/**
 * A chat turn end to end (DESIGN.md, "A chat turn"): the user and assistant messages are stored
 * and their ids returned at once; the answer streams in the background as coalesced
 * `chat.delta` events, checkpointed to disk, and ends with one `chat.done`.
 */
export class ChatService {
  private readonly turns = new Map<string, ChatTurn>();
  private readonly now: () => number;
  private readonly setTimer: SetTimer;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly deps: ChatServiceDeps) {
    // Monotonic: the 16 ms and 250 ms spacing must not jump with the wall clock.
    this.now = deps.now ?? (() => performance.now());
    this.setTimer = deps.setTimer ?? realSetTimer;
    this.log = deps.log ?? (() => undefined);
  }

  async send(input: ChatSendInput): Promise<TurnIds> {
    if (input.text.trim() === '') throw new FleeceError('bad_request', { text: 'message_empty' });
    const history = this.deps.history;
    let conversation = input.conversationId
      ? this.requireConversation(input.conversationId)
      : history.createConversation(input.model ? { model: input.model } : {});
    await this.settleConversation(conversation.id);
    if (input.model && input.model !== conversation.model) {
      conversation = history.updateConversationSettings(conversation.id, { model: input.model });
    }
    const user = history.appendMessage({
      conversationId: conversation.id,
      role: 'user',
      content: input.text,
    });
    return this.startAnswer(conversation, user.id, input.params);
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
  async continue(messageId: string): Promise<TurnIds> {
    const message = this.requireMessage(messageId, 'assistant');
    const conversation = this.requireConversation(message.conversationId);
    await this.settleConversation(conversation.id);
    const current = this.requireMessage(messageId, 'assistant');
    const continuable = CONTINUABLE.has(current.status) || current.finishReason === 'length';
    if (!continuable) {
      throw new FleeceError('bad_request', { text: 'continue_not_resumable' });
    }
    if (current.content === '') {
      // Nothing to go on from (it stopped while thinking, or before the first word).
      throw new FleeceError('bad_request', { text: 'continue_no_text' });
    }
    const all = this.deps.history.allMessages(conversation.id);
    if (all.at(-1)?.id !== messageId) {
      throw new FleeceError('bad_request', { text: 'continue_not_last' });
    }
    this.deps.history.reopenMessage(messageId);
    const reopened = { ...current, status: 'streaming' as const };
    const prompt = assemblePrompt(conversation, all, { continueLast: true });
    this.startTurn(conversation, reopened, prompt, this.defaultParams(conversation));
    return {
      conversationId: conversation.id,
      userMessageId: this.userBefore(all, messageId),
      assistantMessageId: messageId,
    };
  }

  /**
   * Replaces the conversation's last answer with a new one. Only the last: the turns after an
   * older answer would have to be deleted, and they are the user's (edit and resend says so).
   */
  async regenerate(messageId: string): Promise<TurnIds> {
    const message = this.deps.history.getMessage(messageId);
    if (!message) throw new FleeceError('not_found', { text: 'message_gone' });
    if (message.role !== 'assistant')
      throw new FleeceError('bad_request', { text: 'regenerate_not_answer' });
    const conversation = this.requireConversation(message.conversationId);
    this.requireLastAnswer(conversation.id, messageId);
    await this.settleConversation(conversation.id);
    // Checked again: a send may have added a turn while the running stream was being stopped.
    const all = this.requireLastAnswer(conversation.id, messageId);
    const userId = this.userBefore(all, messageId);
    if (!userId) throw new FleeceError('bad_request', { text: 'regenerate_no_question' });
    this.deps.history.deleteMessagesAfter(userId);
    return this.startAnswer(conversation, userId);
  }

  /** Rewrites a user message, drops everything after it, and asks again. */
  async editAndResend(userMessageId: string, text: string): Promise<TurnIds> {
    if (text.trim() === '') throw new FleeceError('bad_request', { text: 'message_empty' });
    const message = this.requireMessage(userMessageId, 'user');
    const conversation = this.requireConversation(message.conversationId);
    await this.settleConversation(conversation.id);
    this.deps.history.editMessage(userMessageId, text);
    this.deps.history.deleteMessagesAfter(userMessageId);
    return this.startAnswer(this.requireConversation(conversation.id), userMessageId);
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

  private startAnswer(
    conversation: Conversation,
    userMessageId: string,
    params?: ChatParams,
  ): TurnIds {
    const history = this.deps.history;
    const assistant = history.appendMessage({
      conversationId: conversation.id,
      role: 'assistant',
      status: 'streaming',
      model: conversation.model,
      profileId: conversation.profileId,
    });
    const prompt = assemblePrompt(conversation, history.allMessages(conversation.id), {
      stopBeforeId: assistant.id,
    });
    this.startTurn(conversation, assistant, prompt, params ?? this.defaultParams(conversation));
    return { conversationId: conversation.id, userMessageId, assistantMessageId: assistant.id };
  }

  private startTurn(
    conversation: Conversation,
    message: Message,
    prompt: RelayChatMessage[],
    params?: ChatParams,
  ): void {
    const turn = new ChatTurn(
      {
        history: this.deps.history,
        streamChat: this.deps.streamChat,
        resolveTarget: this.deps.resolveTarget,
        emitDelta: (messageId, seq, content, reasoning) =>
          this.deps.emit('chat.delta', {
            conversationId: conversation.id,
            messageId,
            seq,
            content,
            reasoning,
          }),
        emitDone: (done) => this.deps.emit('chat.done', done),
        now: this.now,
        setTimer: this.setTimer,
        computeCost: this.deps.computeCost,
        log: this.log,
      },
      { conversation, message, prompt, ...(params ? { params } : {}) },
    );
    this.turns.set(message.id, turn);
    void turn.finished.then(() => this.turns.delete(message.id));
  }

  private defaultParams(conversation: Conversation): ChatParams | undefined {
    return conversation.temperature === null
      ? undefined
      : { temperature: conversation.temperature };
  }

  /** Operations on a conversation wait for its running stream to stop and be recorded first. */
  private async settleConversation(conversationId: string): Promise<void> {
    const running = [...this.turns.values()].filter(
      (t) => t.spec.conversation.id === conversationId,
    );
    for (const turn of running) turn.stop('user');
    await Promise.all(running.map((t) => t.finished));
  }

  private requireLastAnswer(conversationId: string, messageId: string): Message[] {
    const all = this.deps.history.allMessages(conversationId);
    if (all.at(-1)?.id !== messageId) {
      throw new FleeceError('bad_request', { text: 'regenerate_not_last' });
    }
    return all;
  }

  private userBefore(messages: readonly Message[], messageId: string): string {
    const index = messages.findIndex((m) => m.id === messageId);
    for (let i = index - 1; i >= 0; i--)
      if (messages[i]?.role === 'user') return messages[i]?.id ?? '';
    return '';
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
