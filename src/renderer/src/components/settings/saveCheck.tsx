import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Wand2 } from 'lucide-react';
import type { SaveCheckField, SaveCheckProblem } from '../../../../shared/relay';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../store/StoreContext';
import { useCodedText } from '../../i18n/codedText';
import { Button } from '../../ui/Button';

export interface SaveCheckInput {
  baseUrl: string;
  apiKey?: string;
  profileId?: string;
  /** The model to be used: check on save then also notices a proxy that buffers the stream. */
  model?: string;
  allowInsecureHttp?: boolean;
}

/** Problems per field: what check on save (or a refused save) found. */
export interface FieldTrouble {
  problems: SaveCheckProblem[];
  /** A refusal before the check ran (a malformed URL or key), at its field. */
  refusal: { field: string; error: AppError } | null;
}

const NONE: FieldTrouble = { problems: [], refusal: null };

/** The field an error from main names (`details.field`), or the one given. */
export function fieldOf(error: AppError, fallback: string): string {
  const field = error.details?.['field'];
  return typeof field === 'string' ? field : fallback;
}

/**
 * Check on save: asks main to try the base URL and key before they are kept. `run` resolves
 * `passed` when nothing was found; otherwise the findings stay here for the fields to show, and the form
 * offers "Save anyway".
 */
export function useSaveCheck() {
  const client = useClient();
  const [trouble, setTrouble] = useState<FieldTrouble>(NONE);
  const [checking, setChecking] = useState(false);
  const [modelCount, setModelCount] = useState<number | null>(null);

  const run = async (input: SaveCheckInput): Promise<{ passed: boolean; error?: AppError }> => {
    setChecking(true);
    setModelCount(null);
    const res = await client.call('relay.check', input);
    setChecking(false);
    if (!res.ok) {
      const refusal = { field: fieldOf(res.error, 'baseUrl'), error: res.error };
      setTrouble({ problems: [], refusal });
      return { passed: false, error: res.error };
    }
    setTrouble({ problems: res.data.problems, refusal: null });
    if (res.data.problems.length === 0) setModelCount(res.data.modelCount);
    return { passed: res.data.problems.length === 0 };
  };

  const clear = (): void => {
    setTrouble(NONE);
    setModelCount(null);
  };
  const refuse = (field: string, error: AppError): void =>
    setTrouble({ problems: [], refusal: { field, error } });

  return {
    trouble,
    checking,
    modelCount,
    run,
    clear,
    refuse,
    /** Something was found by the check itself (a refusal cannot be saved anyway). */
    canSaveAnyway: trouble.problems.length > 0 && trouble.refusal === null,
  };
}

/** What was found at one field, with the fix offered where there is one. */
export function FieldProblems(props: {
  field: SaveCheckField | 'name' | 'defaultModel';
  trouble: FieldTrouble;
  onUseUrl?: (url: string) => void;
  id?: string;
}) {
  const { t } = useTranslation('settings');
  const { report, say } = useCodedText();
  const problems = props.trouble.problems.filter((p) => p.field === props.field);
  const refusal = props.trouble.refusal?.field === props.field ? props.trouble.refusal.error : null;
  if (problems.length === 0 && refusal === null) return null;
  return (
    <div className="field-problems" id={props.id}>
      {refusal ? (
        <p className="error" role="alert">
          {report(refusal)}
        </p>
      ) : null}
      {problems.map((p) => (
        <div key={p.kind} className="field-problem" data-kind={p.kind}>
          <div role="alert" className="field-problem-text">
            <p className={p.kind === 'key_format' || p.kind === 'buffering' ? 'warning' : 'error'}>
              {report({ text: p.text, detail: p.detail })}
            </p>
            {p.hint ? <p className="field-hint">{say(p.hint)}</p> : null}
          </div>
          {p.fixBaseUrl && props.onUseUrl ? (
            <Button
              size="sm"
              icon={<Wand2 size={14} aria-hidden="true" />}
              onClick={() => props.onUseUrl?.(p.fixBaseUrl ?? '')}
            >
              {t('check.useUrl', { url: p.fixBaseUrl })}
            </Button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
