import type { Message } from '../../src/shared/types/history';

/** A stored message with every field set; tests override what they are about. */
export function makeMessage(id: string, over: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    role: 'assistant',
    content: '',
    reasoning: '',
    status: 'complete',
    model: 'deepseek-chat',
    profileId: null,
    promptTokens: null,
    completionTokens: null,
    tokensEstimated: false,
    cost: null,
    ttftMs: null,
    durationMs: null,
    reasoningMs: null,
    finishReason: null,
    errorKind: null,
    errorMessage: null,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}
