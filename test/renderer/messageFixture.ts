import { withMessageDefaults, type Message } from '../../src/shared/message';

/** A stored message with every field set; tests override what they are about. */
export function makeMessage(id: string, over: Partial<Message> = {}): Message {
  return withMessageDefaults({
    id,
    conversationId: 'c1',
    role: 'assistant' as const,
    model: 'deepseek-chat',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  });
}
