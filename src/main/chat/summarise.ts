import type { Message } from '../../shared/types/history';
import { answerReserve, contextMessages, planContext } from '../../shared/rules/contextTrim';
import { SUMMARY_INSTRUCTION, summaryRequestMessages } from '../../shared/rules/contextSummary';
import { estimateTextTokens } from '../../shared/rules/tokenEstimate';
import { FleeceError } from '../errors/FleeceError';
import type { ChatTarget, StreamChat } from './relayTypes';
import { estimateUsage } from './tokenEstimate';

export interface SummaryUsage {
  promptTokens: number;
  completionTokens: number;
  tokensEstimated: boolean;
}

/** A summary is a few paragraphs: this bounds its cost and how long it may take. */
const SUMMARY_MAX_TOKENS = 1_000;
const SUMMARY_TIMEOUT_MS = 120_000;

/**
 * Asks the conversation's model for a summary of `messages` (the path since the latest summary,
 * that summary included). The newest messages that fit the window are summarised; a relay error
 * reaches the caller as it is (the window shows it like any failed request). When `stop` aborts
 * (the user stopped it), it resolves `stopped` with what the request cost so far.
 */
export async function askSummary(
  streamChat: StreamChat,
  target: ChatTarget,
  messages: readonly Message[],
  windowTokens: number,
  stop?: AbortSignal,
): Promise<{ text: string; usage: SummaryUsage; stopped: boolean }> {
  const sent = messages.filter((m) => m.status !== 'streaming' && m.content.trim() !== '');
  if (sent.length === 0) throw new FleeceError('bad_request', { text: 'summary_nothing' });
  const plan = planContext({
    systemTokens: 8 + estimateTextTokens(SUMMARY_INSTRUCTION),
    messages: contextMessages(sent.map((m) => ({ ...m, attachments: [] }))),
    windowTokens,
    maxTurns: null,
    reserveTokens: Math.max(answerReserve(windowTokens), SUMMARY_MAX_TOKENS),
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SUMMARY_TIMEOUT_MS);
  const onStop = (): void => controller.abort();
  stop?.addEventListener('abort', onStop, { once: true });
  let stopped = false;
  let text = '';
  let reported: { promptTokens: number; completionTokens: number } | null = null;
  const request = summaryRequestMessages(sent.slice(plan.start));
  try {
    for await (const event of streamChat(
      {
        baseUrl: target.baseUrl,
        ...(target.apiKey !== undefined ? { apiKey: target.apiKey } : {}),
        model: target.model,
        messages: request,
        params: { temperature: 0.3, max_tokens: SUMMARY_MAX_TOKENS },
      },
      {
        signal: controller.signal,
        ...(target.connectTimeoutMs !== undefined
          ? { connectTimeoutMs: target.connectTimeoutMs }
          : {}),
      },
    )) {
      if (event.type === 'delta' && event.content) text += event.content;
      if (event.type === 'usage')
        reported = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
    }
  } catch (error) {
    if (!stop?.aborted) throw error;
    stopped = true;
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  }
  // Billed even when empty: what the request cost is known before the text is judged.
  const usage = reported
    ? { ...reported, tokensEstimated: false }
    : { ...(await estimateUsage(request, text)), tokensEstimated: true };
  return { text: stopped ? '' : text.trim(), usage, stopped };
}
