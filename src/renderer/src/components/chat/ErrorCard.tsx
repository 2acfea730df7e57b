import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CircleAlert,
  KeyRound,
  ChevronsUpDown,
  Play,
  RotateCw,
  type LucideIcon,
} from 'lucide-react';
import type { Message } from '../../../../shared/types/history';
import { isRelayErrorKind, type RelayErrorKind } from '../../../../shared/relay';
import type { CodedText } from '../../../../shared/codes';
import { decodeFailureText } from '../../../../shared/failureText';
import { useCodedText } from '../../i18n/codedText';

export type ErrorAction = 'openKey' | 'pickModel' | 'retry' | 'continue';

/** Each action's icon, beside its words on the card's button. */
const ACTION_ICONS: Record<ErrorAction, LucideIcon> = {
  openKey: KeyRound,
  pickModel: ChevronsUpDown,
  retry: RotateCw,
  continue: Play,
};

/** What each relay failure offers the user. */
export function actionFor(kind: RelayErrorKind): ErrorAction {
  switch (kind) {
    case 'auth':
      return 'openKey';
    case 'model_not_found':
      return 'pickModel';
    case 'interrupted':
    case 'timeout_idle':
    case 'aborted':
    case 'too_long':
    case 'too_large':
      return 'continue';
    default:
      return 'retry';
  }
}

export interface ErrorCardProps {
  message: Message;
  retryAfterMs: number | null;
  /** From this session's failure; a reloaded answer has the hint it was stored with. */
  hint: CodedText | null;
  /** There is text to go on from. */
  canContinue: boolean;
  /** Only the last answer can be generated again (an older one would drop what followed). */
  canRetry: boolean;
  onAction: (action: ErrorAction) => void;
}

// Failures whose card says everything: main's own words for them are for the log, not the user.
const SELF_EXPLAINED: ReadonlySet<RelayErrorKind> = new Set([
  'too_large',
  'too_long',
  'redirect_refused',
]);

// Main's words that only restate a card's title: the card shows the relay's own words alone.
const RESTATED: ReadonlySet<string> = new Set([
  'relay_key_refused',
  'relay_model_unknown',
  'relay_limiting',
  'relay_unreachable',
  'relay_stopped',
]);

/** A plain-language card for a failed answer: what happened, and the one thing to do about it. */
export function ErrorCard(props: ErrorCardProps) {
  const { message, retryAfterMs, hint, onAction } = props;
  const { t } = useTranslation('errors');
  const { say } = useCodedText();
  const stored = decodeFailureText(message.errorMessage);
  const shownHint = hint ?? stored?.hint ?? null;
  const kind: RelayErrorKind = isRelayErrorKind(message.errorKind) ? message.errorKind : 'server';
  const ownText =
    stored?.text && stored.text.code !== kind && !RESTATED.has(stored.text.code)
      ? stored.text
      : null;
  const detail = stored?.detail || null;
  // A relay that refused an image: the fix is another model (one that sees images).
  const preferred = shownHint?.code === 'hint_pick_vision_model' ? 'pickModel' : actionFor(kind);
  const action: ErrorAction | null =
    preferred === 'continue'
      ? props.canContinue
        ? 'continue'
        : props.canRetry
          ? 'retry'
          : null
      : preferred === 'retry' && !props.canRetry
        ? null
        : preferred;
  const [remaining, setRemaining] = useState(() =>
    kind === 'rate_limited' && retryAfterMs ? Math.ceil(retryAfterMs / 1000) : 0,
  );
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setRemaining((r) => r - 1), 1000);
    return () => clearTimeout(timer);
  }, [remaining]);

  const label =
    action === 'openKey'
      ? t('action.openKey')
      : action === 'pickModel'
        ? t('action.pickModel')
        : action === 'continue'
          ? t('action.continue')
          : remaining > 0
            ? t('action.retryIn', { seconds: remaining })
            : t('action.retry');
  const ActionIcon = action ? ACTION_ICONS[action] : null;
  return (
    <div className="error-card" role="alert" data-testid="error-card" data-kind={kind}>
      <strong className="error-title">
        <CircleAlert size={16} aria-hidden="true" className="error-title-icon" />
        {t(`kind.${kind}.title`)}
      </strong>
      <p className="error-body">{t(`kind.${kind}.body`)}</p>
      {(ownText || detail) && !SELF_EXPLAINED.has(kind) ? (
        <p className="error-detail">
          {ownText ? say(ownText) : t('relaySaid')}
          {detail ? ' ' : null}
          {detail ? <q>{detail}</q> : null}
        </p>
      ) : null}
      {shownHint && !SELF_EXPLAINED.has(kind) ? (
        <p className="error-hint">{say(shownHint)}</p>
      ) : null}
      {ActionIcon && action ? (
        <button
          type="button"
          className="error-action"
          disabled={remaining > 0}
          onClick={() => onAction(action)}
        >
          <ActionIcon size={14} aria-hidden="true" />
          {label}
        </button>
      ) : null}
    </div>
  );
}
