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
  // Several components select this from the same state (the meter, the notice, the cut), and
  // every streamed frame is a new state that changes nothing here but the answer being written.
  if (lastState?.state === s && lastState.conversationId === conversationId) return lastState.view;
  const view = contextViewOf(s, conversationId);
  lastState = { state: s, conversationId, view };
  return view;
}

let lastState: { state: AppState; conversationId: string; view: ContextView | null } | null = null;

interface Inputs {
  conversationId: string;
  conversation: AppState['conversations'][number];
  thread: AppState['chat']['threads'][string];
  model: string;
  prices: unknown;
  draft: string;
  files: unknown;
  comparisons: AppState['chat']['comparisons'];
  /** Answers of a comparison not kept yet that are not on the path (all but the first). */
  beside: Set<string>;
  /** The thread's messages as counted (undefined: streaming, beside the path or not loaded). */
  counted: (Message | undefined)[];
}
let lastInputs: { inputs: Inputs; view: ContextView } | null = null;

function sameInputs(a: Inputs, b: Inputs, s: AppState): boolean {
  if (
    a.conversationId !== b.conversationId ||
    a.conversation !== b.conversation ||
    a.thread !== b.thread ||
    a.model !== b.model ||
    a.prices !== b.prices ||
    a.draft !== b.draft ||
    a.files !== b.files ||
    a.comparisons !== b.comparisons
  )
    return false;
  const ids = b.thread.ids;
  for (let i = 0; i < ids.length; i++)
    if (a.counted[i] !== counted(s, a.beside, ids[i] ?? '')) return false;
  return true;
}

// An answer being written now is not part of the next prompt until it is done.
function counted(s: AppState, beside: Set<string>, id: string): Message | undefined {
  if (beside.has(id)) return undefined;
  const m = s.chat.messages[id];
  return m && m.status !== 'streaming' ? m : undefined;
}

// Of a comparison not kept yet, the path holds one answer (the first model's, until one is kept).
function besidePath(s: AppState, conversationId: string): Set<string> {
  const beside = new Set<string>();
  for (const c of Object.values(s.chat.comparisons))
    if (c.conversationId === conversationId) for (const id of c.answerIds.slice(1)) beside.add(id);
  return beside;
}

function contextViewOf(s: AppState, conversationId: string): ContextView | null {
  const conversation = s.conversations.find((c) => c.id === conversationId);
  const thread = s.chat.threads[conversationId];
  if (!conversation || !thread) return null;
  const model = conversation.model ?? selectModelChoice(s).model;
  const inputs: Inputs = {
    conversationId,
    conversation,
    thread,
    model,
    prices: s.usage.settings?.prices,
    draft: s.drafts[conversationId] ?? '',
    files: s.attachmentDrafts[conversationId],
    comparisons: s.chat.comparisons,
    beside: new Set(),
    counted: [],
  };
  if (lastInputs && sameInputs(lastInputs.inputs, inputs, s)) return lastInputs.view;
  inputs.beside = besidePath(s, conversationId);
  inputs.counted = thread.ids.map((id) => counted(s, inputs.beside, id));
  const view = planView(s, inputs);
  lastInputs = { inputs, view };
  return view;
}

function planView(s: AppState, inputs: Inputs): ContextView {
  const { conversation, thread, model, conversationId } = inputs;
  const window = contextWindowOf(model, s.usage.settings?.prices ?? []);
  let messages: ContextMessage[] = [];
  for (const m of inputs.counted) if (m) messages.push(estimate(m));
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
