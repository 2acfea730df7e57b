import { useTranslation } from 'react-i18next';
import './longMessage.css';

/** "Show all" / "Show less" under a collapsed long message. */
export function LongMessageToggle({
  expanded,
  onToggle,
}: {
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation('chat');
  return (
    <button
      type="button"
      className="message-long-toggle"
      aria-expanded={expanded}
      onClick={onToggle}
    >
      {expanded ? t('long.showLess') : t('long.showAll')}
    </button>
  );
}
