import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { selectContextView, type ContextView } from '../../store/contextPlan';
import { Tooltip } from '../../ui/Tooltip';
import { formatCompact } from '../../format';

function useContextView(conversationId: string): ContextView | null {
  return useAppStore(useShallow((s) => selectContextView(s, conversationId)));
}

/** "12.4K / 128K" in the UI language. */
function useCompact(): (n: number) => string {
  const { i18n } = useTranslation('chat');
  const locale = i18n.language;
  return useCallback((n: number) => formatCompact(n, locale), [locale]);
}

/** How much of the model's context window the next prompt takes (an estimate), in the header. */
export function ContextMeter({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('chat');
  const view = useContextView(conversationId);
  const compact = useCompact();
  if (!view) return null;
  const used = compact(view.promptTokens);
  const window = compact(view.windowTokens);
  const model = view.model || t('context.thisModel');
  const level = !view.fits || view.reason === 'window' ? 'over' : 'ok';
  const tip = [
    t('context.tooltip', { used, window, model }),
    t(`context.source_${view.windowSource}`),
    view.partial ? t('context.partial') : '',
  ]
    .filter((line) => line !== '')
    .join(' ');
  return (
    <Tooltip label={tip}>
      <span
        className={`context-meter context-meter-${level}`}
        data-testid="context-meter"
        tabIndex={0}
        role="note"
        aria-label={t('context.label', { used, window })}
      >
        {view.partial ? '≥ ' : ''}
        {used} / {window}
      </span>
    </Tooltip>
  );
}

/** Said before sending: the next prompt will not hold the whole conversation. */
export function ContextNotice({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const view = useContextView(conversationId);
  const compact = useCompact();
  const [summarising, setSummarising] = useState(false);
  if (!view || (view.fits && view.reason !== 'window')) return null;
  const params = {
    model: view.model || t('context.thisModel'),
    window: compact(view.windowTokens),
    count: view.droppedTurns,
  };
  return (
    <div className="context-notice" data-testid="context-notice">
      <p role="status">{view.fits ? t('context.overflow', params) : t('context.tooBig', params)}</p>
      {view.fits ? (
        <div className="context-notice-actions">
          <Button
            size="sm"
            disabled={summarising}
            onClick={() => {
              setSummarising(true);
              void store
                .getState()
                .chatActions.summarise(conversationId)
                .finally(() => setSummarising(false));
            }}
          >
            {summarising ? t('context.summarising') : t('context.summarise')}
          </Button>
          {summarising ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => void store.getState().chatActions.stopSummary(conversationId)}
            >
              {t('context.cancelSummary')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Where the prompt starts, in the conversation: the messages above it are not sent. */
export function useContextCut(conversationId: string): string | null {
  return useAppStore((s) => selectContextView(s, conversationId)?.cutBeforeId ?? null);
}

export function ContextCut() {
  const { t } = useTranslation('chat');
  return (
    <div className="context-cut" role="separator" data-testid="context-cut">
      <span>{t('context.cut')}</span>
    </div>
  );
}
