import type { ChatDone } from '../../shared/types/chat';
import type { Conversation } from '../../shared/types/history';
import { cleanGeneratedTitle, titleMessages, titleWanted } from '../../shared/rules/generatedTitle';
import type { HistoryStore } from '../history/HistoryStore';
import type { ChatTarget, StreamChat } from './relayTypes';
import { estimateUsage } from './tokenEstimate';

type RelayUsage = { promptTokens: number; completionTokens: number };

/** How long a title may take before it is given up (the conversation keeps its first-line title). */
const TITLE_TIMEOUT_MS = 30_000;

export interface TitleSettings {
  enabled: boolean;
  /** The model to ask; null: the conversation's own. */
  model: string | null;
}

export interface TitleUsageReport {
  conversationId: string;
  model: string;
  profileId: string | null;
  promptTokens: number;
  completionTokens: number;
  tokensEstimated: boolean;
}

export interface TitleGeneratorDeps {
  history: Pick<HistoryStore, 'getConversation' | 'pathMessages' | 'setGeneratedTitle'>;
  streamChat: StreamChat;
  /** The conversation's endpoint and key, with `model` instead of its own when given. */
  resolveTarget: (conversation: Conversation, model: string | null) => Promise<ChatTarget>;
  settings: () => TitleSettings;
  /** What the title cost (tokens from the relay, else estimated): recorded for the Usage page. */
  recordUsage?: (usage: TitleUsageReport) => void;
  /** Told when a title was written (the list and the header show it). */
  onTitled?: (conversationId: string) => void;
  log?: (message: string, error?: unknown) => void;
}

/**
 * After a conversation's first answer, asks a model for a short title and writes it, unless the
 * user has named the conversation meanwhile. A failure leaves the title made from the first
 * question; it never reaches the user as an error.
 */
export class TitleGenerator {
  private readonly running = new Set<string>();

  constructor(private readonly deps: TitleGeneratorDeps) {}

  /** Called after each finished answer; resolves once the title is written or given up. */
  async afterAnswer(
    done: Pick<ChatDone, 'conversationId'> & { message?: Pick<ChatDone['message'], 'id'> },
  ): Promise<void> {
    const { history } = this.deps;
    const settings = this.deps.settings();
    const conversation = history.getConversation(done.conversationId);
    if (!conversation || conversation.deletedAt !== null) return;
    if (this.running.has(conversation.id)) return;
    const path = history.pathMessages(conversation.id);
    if (
      !titleWanted({ enabled: settings.enabled, titleIsCustom: conversation.titleIsCustom }, path)
    )
      return;
    const [question, answer] = path;
    if (!question || !answer) return;
    // An answer not on screen (another model's, in a comparison) does not name the conversation.
    if (done.message && done.message.id !== answer.id) return;
    this.running.add(conversation.id);
    try {
      const target = await this.deps.resolveTarget(conversation, settings.model);
      const messages = titleMessages(question.content, answer.content);
      const { text: raw, usage } = await this.ask(target, messages);
      await this.record(conversation.id, target, messages, raw, usage);
      const title = cleanGeneratedTitle(raw);
      if (title !== '' && history.setGeneratedTitle(conversation.id, title))
        this.deps.onTitled?.(conversation.id);
    } catch (error) {
      this.deps.log?.('title generation failed', error);
    } finally {
      this.running.delete(conversation.id);
    }
  }

  /** The tokens billed, as the relay reported them or estimated; a failure here loses no title. */
  private async record(
    conversationId: string,
    target: ChatTarget,
    messages: ReturnType<typeof titleMessages>,
    text: string,
    usage: RelayUsage | null,
  ): Promise<void> {
    if (!this.deps.recordUsage) return;
    try {
      const counted = usage ?? (await estimateUsage(messages, text));
      this.deps.recordUsage({
        conversationId,
        model: target.model,
        profileId: target.profileId ?? null,
        promptTokens: counted.promptTokens,
        completionTokens: counted.completionTokens,
        tokensEstimated: usage === null,
      });
    } catch (error) {
      this.deps.log?.('recording a title’s usage failed', error);
    }
  }

  private async ask(
    target: ChatTarget,
    messages: ReturnType<typeof titleMessages>,
  ): Promise<{ text: string; usage: RelayUsage | null }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TITLE_TIMEOUT_MS);
    let text = '';
    let usage: RelayUsage | null = null;
    try {
      for await (const event of this.deps.streamChat(
        {
          baseUrl: target.baseUrl,
          ...(target.apiKey !== undefined ? { apiKey: target.apiKey } : {}),
          model: target.model,
          messages,
          params: { temperature: 0.3, max_tokens: 40 },
        },
        {
          signal: controller.signal,
          maxRetries: 0,
          ...(target.connectTimeoutMs !== undefined
            ? { connectTimeoutMs: target.connectTimeoutMs }
            : {}),
        },
      )) {
        if (event.type === 'delta' && event.content) text += event.content;
        if (event.type === 'usage')
          usage = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
      }
    } finally {
      clearTimeout(timer);
    }
    return { text, usage };
  }
}
