import { Command } from 'cmdk';
import { useTranslation } from 'react-i18next';
import type { SavedPrompt } from '../../../../shared/types/prompts';
import { Kbd } from '../../ui/Kbd';
import { PROMPT_POPOVER_ID } from './useSlashPrompts';

/**
 * The prompts offered while the composer starts with "/": the composer keeps the focus and
 * drives the highlight (arrows), the choice (Enter) and closing (Escape); a click also chooses.
 */
export function PromptPopover(props: {
  prompts: readonly SavedPrompt[];
  selectedId: string | null;
  onSelectedChange: (id: string) => void;
  onPick: (prompt: SavedPrompt) => void;
}) {
  const { t } = useTranslation('chat');
  return (
    <Command
      id={PROMPT_POPOVER_ID}
      label={t('prompts.popoverLabel')}
      shouldFilter={false}
      value={props.selectedId ?? ''}
      onValueChange={props.onSelectedChange}
      className="prompt-popover"
      data-testid="prompt-popover"
    >
      <Command.List label={t('prompts.popoverLabel')} className="prompt-popover-list">
        {props.prompts.map((p) => (
          <Command.Item
            key={p.id}
            value={p.id}
            className="prompt-popover-item"
            onSelect={() => props.onPick(p)}
            // The textarea keeps the focus: a click must not take it away before the choice.
            onMouseDown={(e) => e.preventDefault()}
          >
            <span className="prompt-popover-name">{p.name}</span>
            <span className="prompt-popover-text">{p.systemPrompt}</span>
            {p.builtin ? <span className="prompt-badge">{t('prompts.builtin')}</span> : null}
          </Command.Item>
        ))}
        {props.prompts.length === 0 ? (
          <p className="prompt-popover-empty" role="status">
            {t('prompts.noMatch')}
          </p>
        ) : null}
      </Command.List>
      <p className="prompt-popover-hint" aria-hidden="true">
        <Kbd keys="↑" /> <Kbd keys="↓" /> {t('prompts.hintMove')} · <Kbd keys="Enter" />{' '}
        {t('prompts.hintUse')} · <Kbd keys="Esc" /> {t('prompts.hintClose')}
      </p>
    </Command>
  );
}
