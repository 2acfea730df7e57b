import { useTranslation } from 'react-i18next';
import { Command } from 'cmdk';
import { Brain, Check, Eye, Pin, PinOff, Square, SquareCheck } from 'lucide-react';
import { useStoreApi } from '../../store/StoreContext';
import { togglePin } from '../../store/modelChoice';
import { formatCompact } from '../../format';
import type { PriceEntry } from '../../../../shared/types/usage';
import type { ModelRow } from './modelChoices';
import { COMPARE_MAX_TARGETS } from '../../../../shared/types/compare';

/** One model in the picker: its name, what is known of it (badges, price) and its pin. */
export function ModelItem(props: {
  value: string;
  row: ModelRow;
  current: boolean;
  showProfile: boolean;
  onPick: () => void;
  /** In compare mode: a checkbox instead of the current mark, and the limit on how many. */
  compare?: { chosen: boolean; disabled: boolean } | undefined;
}) {
  const { t, i18n } = useTranslation('chat');
  const store = useStoreApi();
  const { row } = props;
  const lang = i18n.language;
  const context = row.info.contextTokens;
  const prices = describePrice(row.price, lang);
  const priceText =
    prices.input && prices.output
      ? t('model.price', { input: prices.input, output: prices.output })
      : prices.output
        ? t('model.priceOut', { output: prices.output })
        : prices.input
          ? t('model.priceIn', { input: prices.input })
          : null;
  return (
    <Command.Item
      value={props.value}
      onSelect={props.onPick}
      className="model-row"
      data-current={(!props.compare && props.current) || undefined}
      data-chosen={props.compare?.chosen || undefined}
      data-testid="model-option"
      disabled={props.compare?.disabled ?? false}
      aria-checked={props.compare ? props.compare.chosen : undefined}
      title={props.compare?.disabled ? t('compare.limit', { max: COMPARE_MAX_TARGETS }) : undefined}
    >
      {props.compare ? (
        props.compare.chosen ? (
          <SquareCheck size={15} aria-hidden="true" className="model-row-box" />
        ) : (
          <Square size={15} aria-hidden="true" className="model-row-box" />
        )
      ) : (
        <Check size={14} aria-hidden="true" className="model-row-check" />
      )}
      <span className="model-row-name">{row.model}</span>
      {props.showProfile ? <span className="model-row-profile">{row.profileName}</span> : null}
      {/* The price first: the badges keep one column at the right edge, row after row. */}
      <span className="model-row-facts">
        {priceText ? (
          <span className="model-price" title={t('model.priceTitle')}>
            {priceText}
          </span>
        ) : null}
        {row.info.reasoning ? (
          <span className="model-badge" title={t('model.reasoning')}>
            <Brain size={12} aria-hidden="true" />
            <span className="visually-hidden">{t('model.reasoning')}</span>
          </span>
        ) : null}
        {row.info.vision ? (
          <span className="model-badge" title={t('model.vision')}>
            <Eye size={12} aria-hidden="true" />
            <span className="visually-hidden">{t('model.vision')}</span>
          </span>
        ) : null}
        {context !== null ? (
          <span className="model-badge" title={t('model.contextTitle')}>
            {t('model.context', {
              size: formatCompact(context, lang),
            })}
          </span>
        ) : null}
      </span>
      <button
        type="button"
        tabIndex={-1}
        className="model-pin"
        data-pinned={row.pinned || undefined}
        aria-label={t(row.pinned ? 'model.unpin' : 'model.pin', { model: row.model })}
        aria-pressed={row.pinned}
        title={t(row.pinned ? 'model.unpin' : 'model.pin', { model: row.model })}
        onPointerDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          e.stopPropagation();
          void togglePin(store, row);
        }}
      >
        {row.pinned ? (
          <PinOff size={13} aria-hidden="true" />
        ) : (
          <Pin size={13} aria-hidden="true" />
        )}
      </button>
    </Command.Item>
  );
}

/** A price per million tokens, each side the price table knows, in USD (the table's currency). */
function describePrice(
  price: PriceEntry | null,
  lang: string,
): { input: string | null; output: string | null } {
  const money = (n: number | null | undefined) =>
    n === null || n === undefined
      ? null
      : new Intl.NumberFormat(lang, {
          style: 'currency',
          currency: 'USD',
          minimumFractionDigits: 2,
          maximumFractionDigits: n < 1 ? 3 : 2,
        }).format(n);
  return { input: money(price?.inputPerMTok), output: money(price?.outputPerMTok) };
}
