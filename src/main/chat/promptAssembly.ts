import type { Conversation, Message } from '../../shared/types/history';
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
    out.push(
      m.attachments.length > 0
        ? { role: m.role, content: m.content, attachments: m.attachments }
        : { role: m.role, content: m.content },
    );
  }
  if (options.continueLast) out.push({ role: 'user', content: CONTINUE_INSTRUCTION });
  return out;
}
