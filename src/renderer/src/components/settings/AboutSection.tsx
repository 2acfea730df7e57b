import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { AppMark } from '../../ui/AppMark';
import { THIRD_PARTY } from './licences';
import { UpdatesPanel } from './UpdatesPanel';

/** Version, where the data lives, and the licences. */
export function AboutSection() {
  const { t } = useTranslation('settings');
  const version = useAppStore((s) => s.appVersion);
  const dataDir = useAppStore((s) => s.dataDir);
  return (
    <section aria-labelledby="about-title" className="settings-section about">
      <div className="about-hero">
        <AppMark size={56} />
        <div>
          <h2 id="about-title">Fleece</h2>
          <p className="muted">{t('about.tagline')}</p>
        </div>
      </div>
      <dl className="about-facts">
        <div>
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{version ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('about.dataFolder')}</dt>
          <dd>
            <code>{dataDir ?? '—'}</code>
          </dd>
        </div>
        <div>
          <dt>{t('about.licence')}</dt>
          <dd>MIT</dd>
        </div>
      </dl>
      <UpdatesPanel />
      <h3>{t('about.thirdParty')}</h3>
      <table className="licences">
        <tbody>
          {THIRD_PARTY.map((p) => (
            <tr key={p.name}>
              <td>{p.name}</td>
              <td className="muted">{p.licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
