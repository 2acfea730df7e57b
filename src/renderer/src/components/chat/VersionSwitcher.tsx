import { memo } from 'react';
import type { TFunction } from 'i18next';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';
import { useChatLabels } from '../../i18n/useLabels';

const ICON = 15;
const PREVIOUS = <ChevronLeft size={ICON} aria-hidden="true" />;
const NEXT = <ChevronRight size={ICON} aria-hidden="true" />;

const versionLabels = (t: TFunction<'chat'>) => ({
  label: t('versions.label'),
  previous: t('versions.previous'),
  next: t('versions.next'),
});

/**
 * "2 / 3" with previous and next, on a message that has other versions (a regenerated answer,
 * an edited question). Choosing one shows it and the conversation that followed it. Nothing is
 * drawn for a message without versions, and a token streaming elsewhere never re-renders it.
 */
export const VersionSwitcher = memo(function VersionSwitcher(props: { id: string }) {
  const { id } = props;
  const { labels, t } = useChatLabels(versionLabels);
  const store = useStoreApi();
  const versions = useAppStore((s) => s.chat.versions[id]);
  if (!versions || versions.length < 2) return null;
  const at = versions.indexOf(id);
  const count = versions.length;
  const choose = (index: number): void => {
    const target = versions[index];
    if (target) void store.getState().chatActions.chooseVersion(target);
  };
  return (
    <div
      className="message-versions"
      role="group"
      aria-label={labels.label}
      data-testid="message-versions"
    >
      <IconButton
        size="sm"
        sharedTooltip
        label={labels.previous}
        icon={PREVIOUS}
        disabled={at <= 0}
        onClick={() => choose(at - 1)}
      />
      <span
        className="message-versions-position"
        data-testid="version-position"
        aria-label={t('versions.positionLabel', { index: at + 1, count })}
      >
        {t('versions.position', { index: at + 1, count })}
      </span>
      <IconButton
        size="sm"
        sharedTooltip
        label={labels.next}
        icon={NEXT}
        disabled={at < 0 || at >= count - 1}
        onClick={() => choose(at + 1)}
      />
    </div>
  );
});
