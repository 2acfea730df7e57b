import type { UiLanguage } from '../../../../shared/rules/languages';
import type { PromptFields, SavedPrompt } from '../../../../shared/types/prompts';
import type { SliceDeps } from '../types';
import { NEW_CHAT_DRAFT } from './uiSlice';

/** A saved prompt chosen for a chat not sent yet: its first message creates the conversation. */
export interface NewChatPrompt {
  name: string;
  systemPrompt: string;
  temperature: number | null;
}

export interface PromptsSlice {
  prompts: {
    list: SavedPrompt[];
    hidden: { id: string; name: string }[];
    /** The language the list was loaded in (built-ins follow the UI language); null: not loaded. */
    language: UiLanguage | null;
  };
  newChatPrompt: NewChatPrompt | null;
  promptActions: {
    load(language: UiLanguage): Promise<void>;
    /** Resolves to the saved prompt, or null when main refused it (a toast says why). */
    create(fields: PromptFields): Promise<SavedPrompt | null>;
    update(id: string, fields: PromptFields): Promise<SavedPrompt | null>;
    remove(id: string): Promise<void>;
    setHidden(id: string, hidden: boolean): Promise<void>;
    importFile(): Promise<{ added: number; skipped: number } | null>;
    exportFile(): Promise<{ savedTo: string; count: number } | null>;
    /**
     * Starts with a prompt: the open conversation (or the new chat) takes its system prompt,
     * model and temperature, and its first message goes in the composer.
     */
    apply(prompt: SavedPrompt): Promise<void>;
    clearNewChatPrompt(): void;
  };
}

export function createPromptsSlice({ set, get, client }: SliceDeps): PromptsSlice {
  let loading: UiLanguage | null = null;
  const reload = async (): Promise<void> => {
    const language = get().prompts.language;
    if (language) await get().promptActions.load(language);
  };
  return {
    prompts: { list: [], hidden: [], language: null },
    newChatPrompt: null,
    promptActions: {
      async load(language) {
        // One request per language at a time (the new chat screen and "/" may ask together).
        if (loading === language) return;
        loading = language;
        const res = await client.call('prompts.list', { language }).finally(() => (loading = null));
        if (!res.ok) return get().ui.showToast(res.error);
        set({ prompts: { list: res.data.prompts, hidden: res.data.hidden, language } });
      },

      async create(fields) {
        const res = await client.call('prompts.create', { fields });
        if (!res.ok) {
          get().ui.showToast(res.error);
          return null;
        }
        await reload();
        return res.data;
      },

      async update(id, fields) {
        const res = await client.call('prompts.update', { id, fields });
        if (!res.ok) {
          get().ui.showToast(res.error);
          return null;
        }
        await reload();
        return res.data;
      },

      async remove(id) {
        const res = await client.call('prompts.delete', { id });
        if (!res.ok) return get().ui.showToast(res.error);
        await reload();
      },

      async setHidden(id, hidden) {
        const res = await client.call('prompts.setHidden', { id, hidden });
        if (!res.ok) return get().ui.showToast(res.error);
        await reload();
      },

      async importFile() {
        const res = await client.call('prompts.import', {});
        if (!res.ok) {
          get().ui.showToast(res.error);
          return null;
        }
        if (res.data.path === null) return null;
        await reload();
        return { added: res.data.added, skipped: res.data.skipped };
      },

      async exportFile() {
        const res = await client.call('prompts.export', {});
        if (!res.ok) {
          get().ui.showToast(res.error);
          return null;
        }
        return res.data.savedTo === null
          ? null
          : { savedTo: res.data.savedTo, count: res.data.count };
      },

      async apply(prompt) {
        const s = get();
        const conversationId = s.activeConversationId;
        if (conversationId) {
          await s.conversationActions.update(conversationId, {
            systemPrompt: prompt.systemPrompt.trim() === '' ? null : prompt.systemPrompt,
            temperature: prompt.temperature,
            // A model without a profile runs on the conversation's own profile.
            ...(prompt.model ? { model: prompt.model.model } : {}),
            ...(prompt.model?.profileId ? { profileId: prompt.model.profileId } : {}),
          });
        } else {
          set({
            newChatPrompt: {
              name: prompt.name,
              systemPrompt: prompt.systemPrompt,
              temperature: prompt.temperature,
            },
          });
          if (prompt.model) s.ui.setNewChatModel(prompt.model.model, prompt.model.profileId);
        }
        s.ui.setDraft(conversationId ?? NEW_CHAT_DRAFT, prompt.firstMessage);
        s.ui.focusComposer();
      },

      clearNewChatPrompt() {
        set({ newChatPrompt: null });
      },
    },
  };
}
