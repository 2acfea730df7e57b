import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BookText,
  Database,
  Globe,
  Info,
  Keyboard,
  Plug,
  SlidersHorizontal,
  Tags,
} from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import type { SettingsTab } from '../../store/slices/uiSlice';
import { PreferencesForm } from './PreferencesForm';
import { DataSection } from './DataSection';
import { NetworkSection } from './NetworkSection';
import { ProfilesSection } from './ProfilesSection';
import { AboutSection } from './AboutSection';
import { PromptsSection } from '../prompts/PromptsSection';
import { PriceTableEditor } from '../usage/PriceTableEditor';
import { ShortcutsList } from '../ShortcutsSheet';
import { Tabs } from '../../ui/Tabs';

const icon = (C: typeof Info) => <C size={16} />;

export function SettingsView() {
  const { t } = useTranslation('settings');
  const store = useStoreApi();
  const tab = useAppStore((s) => s.settingsTab);
  // The price table needs the usage settings, which only the Usage page loaded before.
  useEffect(() => {
    if (store.getState().usage.settings === null) void store.getState().usageActions.load();
  }, [store]);

  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <h1 id="settings-title" className="page-title">
        {t('title')}
      </h1>
      <Tabs
        orientation="vertical"
        label={t('title')}
        value={tab}
        onChange={(v) => store.getState().ui.setSettingsTab(v as SettingsTab)}
        tabs={[
          {
            value: 'general',
            label: t('tabs.general'),
            icon: icon(SlidersHorizontal),
            content: <PreferencesForm />,
          },
          {
            value: 'profiles',
            label: t('tabs.profiles'),
            icon: icon(Plug),
            content: <ProfilesSection />,
          },
          {
            value: 'models',
            label: t('tabs.models'),
            icon: icon(Tags),
            content: <PriceTableEditor />,
          },
          {
            value: 'prompts',
            label: t('tabs.prompts'),
            icon: icon(BookText),
            content: <PromptsSection />,
          },
          {
            value: 'network',
            label: t('tabs.network'),
            icon: icon(Globe),
            content: <NetworkSection />,
          },
          { value: 'data', label: t('tabs.data'), icon: icon(Database), content: <DataSection /> },
          {
            value: 'shortcuts',
            label: t('tabs.shortcuts'),
            icon: icon(Keyboard),
            content: <ShortcutsList />,
          },
          { value: 'about', label: t('tabs.about'), icon: icon(Info), content: <AboutSection /> },
        ]}
      />
    </section>
  );
}
