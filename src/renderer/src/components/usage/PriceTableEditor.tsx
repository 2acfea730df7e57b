import { useState } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PriceEntry } from '../../../../shared/types/usage';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { parseAmount } from './money';
import { modelInfo } from '../../../../shared/rules/modelInfo';
import { parseContextTokens } from '../../../../shared/rules/contextTrim';
import './usage.css';

interface DraftRow {
  key: number;
  model: string;
  input: string;
  output: string;
  /** The model's context window as typed ("128k"); blank: the known one. */
  context?: string;
}

const toDraft = (prices: readonly PriceEntry[]): DraftRow[] =>
  prices.map((p, key) => ({
    key,
    model: p.model,
    input: p.inputPerMTok === null ? '' : String(p.inputPerMTok),
    output: p.outputPerMTok === null ? '' : String(p.outputPerMTok),
    context: typeof p.contextTokens === 'number' ? groupDigits(p.contextTokens) : '',
  }));

/** The rows as prices, or null when one is not valid (blank price = unknown, never 0). */
export function parsePriceRows(rows: readonly DraftRow[]): PriceEntry[] | null {
  const prices: PriceEntry[] = [];
  for (const r of rows) {
    const input = parseAmount(r.input);
    const output = parseAmount(r.output);
    const context = parseContextTokens(r.context ?? '');
    if (input === 'invalid' || output === 'invalid' || !context.valid) return null;
    if (r.model.trim() === '') {
      if (input === null && output === null && context.value === null) continue; // an empty new row
      return null;
    }
    prices.push({
      model: r.model.trim(),
      inputPerMTok: input,
      outputPerMTok: output,
      ...(context.value !== null ? { contextTokens: context.value } : {}),
    });
  }
  return prices;
}

/** The window Fleece knows for a model name, shown where the user has set none. */
function knownContext(model: string): string {
  const known = model.trim() === '' ? null : modelInfo(model).contextTokens;
  return known === null ? '' : groupDigits(known);
}

/**
 * 1047576 as "1 047 576": readable in every language, and typed back as it is (the parser takes
 * spaces, commas and "128k"); a locale's own grouping would read as a decimal point in some.
 */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Editable price table (USD per million tokens). Saving affects answers that finish afterwards only. */
type Message = 'saved' | 'invalid' | null;

export function PriceTableEditor() {
  const settings = useAppStore((s) => s.usage.settings);
  const [message, setMessage] = useState<Message>(null);
  if (!settings) return null;
  // A new table from main (saved, restored) starts a fresh draft; the message outlives it.
  return (
    <PriceTableForm
      key={JSON.stringify(settings.prices)}
      prices={settings.prices}
      isDefault={settings.pricesAreDefault}
      message={message}
      setMessage={setMessage}
    />
  );
}

function PriceTableForm(props: {
  prices: PriceEntry[];
  isDefault: boolean;
  message: Message;
  setMessage: (m: Message) => void;
}) {
  const { prices, isDefault, message, setMessage } = props;
  const { t } = useTranslation('usage');
  const store = useStoreApi();
  const [rows, setRows] = useState<DraftRow[]>(() => toDraft(prices));
  const edit = (key: number, patch: Partial<DraftRow>): void => {
    setMessage(null);
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const save = async (): Promise<void> => {
    const parsed = parsePriceRows(rows);
    if (!parsed) return setMessage('invalid');
    const res = await store.getState().usageActions.updatePrices(parsed);
    if (res.ok) setMessage('saved');
    else store.getState().ui.showToast(res.error);
  };
  const reset = async (): Promise<void> => {
    setMessage(null);
    const res = await store.getState().usageActions.resetPrices();
    if (!res.ok) store.getState().ui.showToast(res.error);
  };

  return (
    <section aria-labelledby="usage-prices-title" className="usage-section">
      <h2 id="usage-prices-title">{t('prices.title')}</h2>
      <p className="muted">{t('prices.help')}</p>
      {isDefault ? <p className="muted">{t('prices.defaults')}</p> : null}
      <table className="usage-table usage-prices" data-testid="price-table">
        <thead>
          <tr>
            <th scope="col">{t('prices.model')}</th>
            <th scope="col">{t('prices.input')}</th>
            <th scope="col">{t('prices.output')}</th>
            <th scope="col">{t('prices.context')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('prices.remove', { model: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const name = r.model || `#${i + 1}`;
            return (
              <tr key={r.key}>
                <td>
                  <input
                    aria-label={`${t('prices.model')} ${i + 1}`}
                    value={r.model}
                    onChange={(e) => edit(r.key, { model: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('prices.input')}: ${name}`}
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    value={r.input}
                    onChange={(e) => edit(r.key, { input: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('prices.output')}: ${name}`}
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    value={r.output}
                    onChange={(e) => edit(r.key, { output: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('prices.context')}: ${name}`}
                    inputMode="numeric"
                    value={r.context ?? ''}
                    placeholder={knownContext(r.model)}
                    onChange={(e) => edit(r.key, { context: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('prices.remove', { model: name })}
                    className="icon-btn btn-ghost icon-btn-sm"
                    onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                  >
                    <X size={16} aria-hidden="true" />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t('prices.contextHelp')}</p>
      <div className="row">
        <Button
          onClick={() =>
            setRows([
              ...rows,
              {
                key: Math.max(-1, ...rows.map((r) => r.key)) + 1,
                model: '',
                input: '',
                output: '',
                context: '',
              },
            ])
          }
        >
          {t('prices.add')}
        </Button>
        <Button onClick={() => void reset()}>{t('prices.reset')}</Button>
        <Button variant="primary" onClick={() => void save()}>
          {t('prices.save')}
        </Button>
      </div>
      {message === 'saved' ? <p role="status">{t('prices.saved')}</p> : null}
      {message === 'invalid' ? (
        <p role="alert" className="error">
          {t('prices.invalid')}
        </p>
      ) : null}
    </section>
  );
}
