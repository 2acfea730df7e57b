import type { HistoryStore } from '../history/HistoryStore';

/** What a conversation started by its first message takes from the active profile. */
export interface NewConversationDefaults {
  profileId: string | null;
  systemPrompt: string | null;
  temperature: number | null;
}

export const NO_DEFAULTS: NewConversationDefaults = {
  profileId: null,
  systemPrompt: null,
  temperature: null,
};

/** A saved prompt chosen before the first message replaces the profile's prompt and temperature. */
export function withPrompt(
  defaults: NewConversationDefaults,
  chosen: { systemPrompt?: string; temperature?: number },
): NewConversationDefaults {
  return {
    ...defaults,
    ...(chosen.systemPrompt !== undefined
      ? { systemPrompt: chosen.systemPrompt.trim() === '' ? null : chosen.systemPrompt }
      : {}),
    ...(chosen.temperature !== undefined ? { temperature: chosen.temperature } : {}),
  };
}

/**
 * Runs a first send in a conversation made for it. If the send is refused the conversation is
 * removed again, so a failed first message leaves no empty conversation behind.
 */
export async function sendInNewConversation<T>(
  history: Pick<HistoryStore, 'createConversation' | 'purgeConversation'>,
  defaults: NewConversationDefaults,
  model: string | undefined,
  send: (conversationId: string) => Promise<T>,
): Promise<T> {
  const conversation = history.createConversation({
    profileId: defaults.profileId,
    systemPrompt: defaults.systemPrompt,
    temperature: defaults.temperature,
    ...(model ? { model } : {}),
  });
  try {
    return await send(conversation.id);
  } catch (err) {
    history.purgeConversation(conversation.id);
    throw err;
  }
}
