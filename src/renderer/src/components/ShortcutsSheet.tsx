import { useTranslation } from 'react-i18next';
import { SHORTCUTS, shortcutKeys, type ShortcutDef } from '../shortcuts';
import { useAppStore, useStoreApi } from '../store/StoreContext';
import { Dialog } from '../ui/Dialog';
import { Kbd } from '../ui/Kbd';

const GROUPS: ShortcutDef['group'][] = ['app', 'composer', 'conversation'];

/** Every shortcut, grouped, with its keys for this platform. */
export function ShortcutsList() {
  const { t } = useTranslation();
  return (
    <div className="shortcuts-list">
      {GROUPS.map((group) => (
        <section key={group} aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`} className="shortcuts-group">
            {t(`shortcuts.groups.${group}`)}
          </h3>
          <dl>
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <div key={s.id} className="shortcut-row" data-testid="shortcut">
                <dt>{t(`shortcuts.items.${s.id}`)}</dt>
                <dd>
                  <Kbd keys={shortcutKeys(s.id)} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** The shortcuts sheet (Ctrl/Cmd+/). */
export function ShortcutsSheet() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const open = useAppStore((s) => s.shortcutsOpen);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => store.getState().ui.setShortcutsOpen(o)}
      title={t('shortcuts.title')}
      closeLabel={t('close')}
      wide
    >
      <ShortcutsList />
    </Dialog>
  );
}
