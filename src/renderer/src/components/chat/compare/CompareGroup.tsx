import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowUpRight, Check, Columns3, Copy, Square } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../../store/StoreContext';
import { SafeMessageItem } from '../MessageBoundary';
import { useCopy } from '../useCopy';
import { Button } from '../../../ui/Button';
import { IconButton } from '../../../ui/IconButton';
import { formatInteger, formatMs, tokensPerSecond } from '../../../format';
import { showMoney } from '../../usage/money';
import { estimateTextTokens } from '../../../../../shared/rules/tokenEstimate';
import { findPrice } from '../../../../../shared/rules/modelInfo';
import type { AppStore } from '../../../store';
import './compare.css';

/** How often the live figures of a streaming answer are worked out again. */
const LIVE_TICK_MS = 400;

/**
 * The answers of one comparison side by side (stacked in a narrow window), until the user keeps
 * one. The group itself selects only the comparison, which no delta changes: each column's
 * message re-renders for its own deltas alone, and its live figures on a timer of their own.
 */
export const CompareGroup = memo(function CompareGroup(props: { comparisonId: string }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  // The answers held here, as one string (stable between deltas).
  const shown = useAppStore((s) => {
    const c = s.chat.comparisons[props.comparisonId];
    return c ? c.answerIds.filter((id) => s.chat.messages[id]).join(' ') : '';
  });
  if (shown === '') return null;
  const ids = shown.split(' ');
  const openStats = (): void => {
    const ui = store.getState().ui;
    ui.setUsageTab('compare');
    ui.setView('usage');
  };
  return (
    <section
      className="compare-group"
      data-testid="compare-group"
      data-comparison-id={props.comparisonId}
      aria-label={t('compare.groupLabel', { count: ids.length })}
    >
      <header className="compare-group-head">
        <Columns3 size={15} aria-hidden="true" className="compare-group-icon" />
        <span className="compare-group-title">{t('compare.title', { count: ids.length })}</span>
        <span className="compare-group-hint">{t('compare.keepHint')}</span>
        <button type="button" className="compare-link" onClick={openStats}>
          {t('compare.seeAll')}
          <ArrowUpRight size={13} aria-hidden="true" />
        </button>
      </header>
      <div className="compare-grid" data-columns={ids.length}>
        {ids.map((id) => (
          <CompareColumn key={id} id={id} />
        ))}
      </div>
    </section>
  );
});

const CompareColumn = memo(function CompareColumn({ id }: { id: string }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const model = useAppStore((s) => s.chat.messages[id]?.model ?? '');
  const profileId = useAppStore((s) => s.chat.messages[id]?.profileId ?? null);
  const status = useAppStore((s) => s.chat.messages[id]?.status);
  const profileName = useAppStore((s) =>
    profileId === null ? null : (s.profiles.find((p) => p.id === profileId)?.name ?? null),
  );
  const [keeping, setKeeping] = useState(false);
  const streaming = status === 'streaming';
  const keep = async (): Promise<void> => {
    setKeeping(true);
    try {
      await store.getState().chatActions.keep(id);
    } finally {
      setKeeping(false);
    }
  };
  return (
    <div
      className="compare-column"
      data-testid="compare-column"
      data-model={model}
      data-status={status}
      role="group"
      aria-label={profileName ? `${model} · ${profileName}` : model}
    >
      <div className="compare-column-head">
        <span className="compare-column-model" title={model}>
          {model || t('compare.noModel')}
        </span>
        <span className="compare-column-profile" title={profileName ?? undefined}>
          {profileName ?? t('compare.deletedProfile')}
        </span>
      </div>
      <div className="compare-column-body">
        <SafeMessageItem id={id} isLast={false} inCompare />
      </div>
      <div className="compare-column-foot">
        <CompareFigures id={id} />
        <div className="compare-column-actions">
          {streaming ? (
            <Button
              size="sm"
              variant="secondary"
              icon={<Square size={11} fill="currentColor" aria-hidden="true" />}
              onClick={() => void store.getState().chatActions.stop(id)}
            >
              {t('action.stop')}
            </Button>
          ) : (
            <>
              <CopyAnswer id={id} />
              <Button
                size="sm"
                variant="secondary"
                className="compare-keep"
                icon={<Check size={14} aria-hidden="true" />}
                disabled={keeping}
                onClick={() => void keep()}
              >
                {t('compare.keep')}
              </Button>
            </>
          )}
        </div>
      </div>
    </div>
  );
});

/** Copies one answer's text (Markdown), as Copy does under any answer. */
function CopyAnswer({ id }: { id: string }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const { copied, copy } = useCopy();
  return (
    <IconButton
      size="sm"
      sharedTooltip
      label={copied ? t('action.copied') : t('action.copy')}
      icon={copied ? <Check size={15} aria-hidden="true" /> : <Copy size={15} aria-hidden="true" />}
      onClick={() => copy(store.getState().chat.messages[id]?.content ?? '')}
    />
  );
}

interface Figures {
  ttftMs: number | null;
  tps: number | null;
  cost: number | null;
  /** Worked out here while the answer streams (final figures come from the stored message). */
  live: boolean;
}

/** The figures of one answer now: measured here while it streams, main's once it is done. */
function figuresOf(store: AppStore, id: string, now: number): Figures {
  const s = store.getState();
  const m = s.chat.messages[id];
  if (!m) return { ttftMs: null, tps: null, cost: null, live: false };
  if (m.status !== 'streaming')
    return {
      ttftMs: m.ttftMs,
      tps: tokensPerSecond(m.completionTokens, m.durationMs, m.ttftMs),
      cost: m.cost,
      live: false,
    };
  const timing = s.chatActions.liveTiming(id);
  if (!timing || timing.firstAt === null)
    return { ttftMs: null, tps: null, cost: null, live: true };
  const tokens = estimateTextTokens(m.content) + estimateTextTokens(m.reasoning);
  const seconds = (now - timing.firstAt) / 1000;
  const price = m.model ? findPrice(s.usage.settings?.prices ?? [], m.model) : null;
  return {
    ttftMs: timing.firstAt - timing.startedAt,
    tps: seconds > 0.2 ? tokens / seconds : null,
    cost: price?.outputPerMTok != null ? (tokens * price.outputPerMTok) / 1_000_000 : null,
    live: true,
  };
}

/** Time to first token, tokens per second and cost: live while streaming, then final. */
function CompareFigures({ id }: { id: string }) {
  const { t, i18n } = useTranslation('chat');
  const store = useStoreApi();
  const locale = i18n.language;
  const status = useAppStore((s) => s.chat.messages[id]?.status);
  const money = useAppStore((s) => s.usage.settings);
  // Re-worked out on a timer while the answer streams, never per delta.
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (status !== 'streaming') return;
    const timer = setInterval(() => setNow(performance.now()), LIVE_TICK_MS);
    return () => clearInterval(timer);
  }, [status]);
  const figures = figuresOf(store, id, now);
  const approx = (text: string): string => (figures.live ? `≈ ${text}` : text);
  return (
    <dl className="compare-figures" data-testid="compare-figures" data-live={figures.live}>
      <div>
        <dt>{t('compare.ttft')}</dt>
        <dd data-testid="compare-ttft">
          {figures.ttftMs === null ? '—' : formatMs(figures.ttftMs, locale)}
        </dd>
      </div>
      <div>
        <dt>{t('compare.speed')}</dt>
        <dd data-testid="compare-speed">
          {figures.tps === null ? '—' : approx(formatInteger(figures.tps, locale))}
        </dd>
      </div>
      <div>
        <dt>{t('compare.cost')}</dt>
        <dd data-testid="compare-cost">
          {figures.cost === null ? '—' : approx(showMoney(figures.cost, money, locale))}
        </dd>
      </div>
    </dl>
  );
}
