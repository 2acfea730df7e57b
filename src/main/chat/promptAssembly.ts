import type { Conversation, Message } from '../../shared/types/history';
import {
  contextMessages,
  planContext,
  systemPromptTokens,
  type ContextPlan,
} from '../../shared/rules/contextTrim';
import { latestSummaryIndex, SUMMARY_PREFIX } from '../../shared/rules/contextSummary';
import type { RelayChatMessage } from './relayTypes';

/** Sent after a cut-off answer so the model resumes it instead of starting over. */
export const CONTINUE_INSTRUCTION =
  'Your previous answer was cut off. Continue exactly where it stopped, starting with the very next ' +
  'character. Do not repeat anything already written and do not add any preamble.';

/**
 * The request messages for a turn: the conversation's system prompt, then every message up to
 * (not including) `stopBeforeId`, or all of them. Empty messages (a failed answer with no text)
 * are left out: relays reject empty content. A question's attachments ride along as references;
 * they become content parts just before sending (see src/main/attachments/contentParts.ts).
 */
export function assemblePrompt(
  conversation: Conversation,
  messages: readonly Message[],
  options: { stopBeforeId?: string; continueLast?: boolean } = {},
): RelayChatMessage[] {
  const out: RelayChatMessage[] = [];
  if (conversation.systemPrompt && conversation.systemPrompt.trim() !== '') {
    out.push({ role: 'system', content: conversation.systemPrompt });
  }
  for (const m of messages) {
    if (m.id === options.stopBeforeId) break;
    if (m.content === '' && m.attachments.length === 0) continue;
    // A summary stands for the messages before it (see rules/contextSummary.ts).
    if (m.role === 'system') {
      out.push({ role: 'system', content: SUMMARY_PREFIX + m.content });
      continue;
    }
    out.push(
      m.attachments.length > 0
        ? { role: m.role, content: m.content, attachments: m.attachments }
        : { role: m.role, content: m.content },
    );
  }
  if (options.continueLast) out.push({ role: 'user', content: CONTINUE_INSTRUCTION });
  return out;
}

/**
 * The messages of a prompt that fit: the path up to (not including) `stopBeforeId`, its oldest
 * turns left out beyond the conversation's turn limit and the model's window (see
 * rules/contextTrim.ts; the renderer shows the same cut in the conversation).
 */
export function fitToContext(
  conversation: Conversation,
  path: readonly Message[],
  windowTokens: number,
  stopBeforeId?: string,
): { messages: Message[]; plan: ContextPlan } {
  const stop = stopBeforeId === undefined ? -1 : path.findIndex((m) => m.id === stopBeforeId);
  const upTo = stop >= 0 ? path.slice(0, stop) : path.slice();
  // The latest summary replaces what came before it, and always goes (like the system prompt).
  const at = latestSummaryIndex(upTo);
  const summary = at >= 0 ? upTo.slice(at, at + 1) : [];
  const after = upTo.slice(at + 1);
  const plan = planContext({
    systemTokens:
      systemPromptTokens(conversation.systemPrompt) +
      contextMessages(summary).reduce((sum, m) => sum + m.tokens, 0),
    messages: contextMessages(after),
    windowTokens,
    maxTurns: conversation.contextTurns,
  });
  return { messages: [...summary, ...after.slice(plan.start)], plan };
}
