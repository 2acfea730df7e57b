import type { Message } from '../../../shared/message';
import {
  contextMessages,
  contextWindowOf,
  planContext,
  systemPromptTokens,
  type ContextMessage,
} from '../../../shared/rules/contextTrim';
import { estimateMessageTokens } from '../../../shared/rules/tokenEstimate';
import { latestSummaryIndex } from '../../../shared/rules/contextSummary';
import type { AppState } from './index';
import { selectModelChoice } from './modelChoice';

/** What the context meter, the cut in the conversation and the composer's notice show. */
export interface ContextView {
  model: string;
  windowTokens: number;
  windowSource: 'settings' | 'known' | 'unknown';
  /** Estimated tokens of the next prompt as it would be sent (draft included). */
  promptTokens: number;
  /**
   * The first message that would be sent when older ones are left out (a summary, or the first
   * question kept); null: all are sent.
   */
  cutBeforeId: string | null;
  droppedTurns: number;
  reason: 'none' | 'turns' | 'window';
  fits: boolean;
  /** Older messages are not loaded: the figure counts what is. */
  partial: boolean;
}

// Messages are replaced, never changed in place, so an estimate is kept per object.
const estimates = new WeakMap<Message, ContextMessage>();

function estimate(m: Message): ContextMessage {
  let known = estimates.get(m);
  if (!known) {
    known = contextMessages([m])[0] ?? { id: m.id, role: m.role, tokens: 0 };
    estimates.set(m, known);
  }
  return known;
}

/**
 * The next prompt of a conversation (the path on screen, then the composer's draft as the new
 * question) planned against the model's window, as main plans it when sending. Flat values only,
 * so a component selecting it with `useShallow` re-renders only when a figure changes.
 */
export function selectContextView(s: AppState, conversationId: string): ContextView | null {
  const conversation = s.conversations.find((c) => c.id === conversationId);
  const thread = s.chat.threads[conversationId];
  if (!conversation || !thread) return null;
  const model = conversation.model ?? selectModelChoice(s).model;
  const window = contextWindowOf(model, s.usage.settings?.prices ?? []);
  let messages: ContextMessage[] = [];
  // Of a comparison not kept yet, the path holds one answer (the first model's, until one is kept).
  const beside = new Set<string>();
  for (const c of Object.values(s.chat.comparisons))
    if (c.conversationId === conversationId) for (const id of c.answerIds.slice(1)) beside.add(id);
  for (const id of thread.ids) {
    if (beside.has(id)) continue;
    const m = s.chat.messages[id];
    // An answer being written now is not part of the next prompt until it is done.
    if (m && m.status !== 'streaming') messages.push(estimate(m));
  }
  // The latest summary stands for what came before it and is always sent (as main sends it).
  const at = latestSummaryIndex(messages);
  const summary = at >= 0 ? messages[at] : undefined;
  messages = messages.slice(at + 1);
  const draft = s.drafts[conversationId] ?? '';
  const files = s.attachmentDrafts[conversationId] ?? [];
  messages.push({
    id: '',
    role: 'user',
    tokens: estimateMessageTokens({ content: draft, attachments: files }),
  });
  const plan = planContext({
    systemTokens: systemPromptTokens(conversation.systemPrompt) + (summary?.tokens ?? 0),
    messages,
    windowTokens: window.tokens,
    maxTurns: conversation.contextTurns,
  });
  return {
    model,
    windowTokens: window.tokens,
    windowSource: window.source,
    promptTokens: plan.promptTokens,
    cutBeforeId:
      plan.start > 0
        ? (messages[plan.start]?.id ?? null) || null
        : at > 0 && summary
          ? summary.id
          : null,
    droppedTurns: plan.droppedTurns,
    reason: plan.reason,
    fits: plan.fits,
    partial: thread.hasMore,
  };
}
