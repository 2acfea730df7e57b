import type { MessageRole } from '../message';

/**
 * A summary of earlier messages is a message of its own (role `system`) on the conversation's
 * path, visible and editable like any other. A prompt starts at the latest summary: the messages
 * before it are not sent, the summary goes as a system message in their place.
 */
export const SUMMARY_INSTRUCTION =
  'Summarise the conversation below so that it can continue without it: the user’s goals, the ' +
  'facts, decisions, names, numbers and code that matter, and any open questions. Write in the ' +
  'language of the conversation, as plain concise notes, without a preamble.';

/** How a summary is introduced to the model when it is sent in place of the messages it covers. */
export const SUMMARY_PREFIX = 'Summary of the earlier conversation:\n\n';

/** Index of the latest summary on a path; -1 when there is none. */
export function latestSummaryIndex(messages: readonly { role: MessageRole }[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === 'system') return i;
  return -1;
}

/** The request that asks a model for a summary of `messages` (oldest first). */
export function summaryRequestMessages(
  messages: readonly { role: MessageRole; content: string }[],
): { role: 'system' | 'user'; content: string }[] {
  const transcript = messages
    .filter((m) => m.content.trim() !== '')
    .map((m) => {
      const who = m.role === 'user' ? 'User' : m.role === 'assistant' ? 'Assistant' : 'Summary';
      return `${who}:\n${m.content}`;
    })
    .join('\n\n');
  return [
    { role: 'system', content: SUMMARY_INSTRUCTION },
    { role: 'user', content: transcript },
  ];
}
