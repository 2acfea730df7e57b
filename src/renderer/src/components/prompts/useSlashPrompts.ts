import { useMemo, useState, type KeyboardEvent } from 'react';
import { filterPrompts, slashQuery } from '../../../../shared/rules/promptSearch';
import type { SavedPrompt } from '../../../../shared/types/prompts';
import { useStoreApi } from '../../store/StoreContext';
import { usePromptList } from './usePromptList';

/** The id of the slash menu's list, which the composer's box points to while it is open. */
export const PROMPT_POPOVER_ID = 'prompt-popover';

export interface SlashPrompts {
  open: boolean;
  matches: SavedPrompt[];
  selectedId: string | null;
  setSelectedId: (id: string) => void;
  pick: (prompt: SavedPrompt) => void;
  /** Handles the keys the popover owns (none while an IME composes); true when it used the key. */
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>, composing: boolean) => boolean;
}

/**
 * "/" at the start of the composer: the prompt library, filtered by what follows the slash.
 * Escape closes it until the text changes; choosing a prompt applies it to the conversation.
 */
export function useSlashPrompts(draft: string): SlashPrompts {
  const store = useStoreApi();
  const query = slashQuery(draft);
  // Loaded the first time "/" is typed: most sessions never open the popover.
  const prompts = usePromptList(query !== null);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const matches = useMemo(
    () => (query === null ? [] : filterPrompts(prompts, query)),
    [prompts, query],
  );
  const open = query !== null && dismissedFor !== draft;
  // The highlight stays on the prompt chosen while it still matches; else the first match.
  const selectedId =
    chosen !== null && matches.some((p) => p.id === chosen) ? chosen : (matches[0]?.id ?? null);

  const pick = (prompt: SavedPrompt): void => {
    setChosen(null);
    void store.getState().promptActions.apply(prompt);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>, composing: boolean): boolean => {
    if (!open || composing) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (matches.length === 0) return true;
      e.preventDefault();
      const at = matches.findIndex((p) => p.id === selectedId);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = matches[(at + step + matches.length) % matches.length];
      if (next) setChosen(next.id);
      return true;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      const prompt = matches.find((p) => p.id === selectedId);
      // Nothing matches: Enter does what it always does (send "/…" as typed).
      if (!prompt) return false;
      e.preventDefault();
      pick(prompt);
      return true;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissedFor(draft);
      return true;
    }
    return false;
  };

  return { open, matches, selectedId, setSelectedId: setChosen, pick, onKeyDown };
}
