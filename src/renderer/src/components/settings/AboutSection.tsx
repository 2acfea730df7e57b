import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { AppMark } from '../../ui/AppMark';

// The open-source parts shipped inside the app, with their licences (from their package.json).
const THIRD_PARTY: readonly [string, string][] = [
  ['Electron', 'MIT'],
  ['React', 'MIT'],
  ['Radix UI', 'MIT'],
  ['Lucide', 'ISC'],
  ['zustand', 'MIT'],
  ['i18next, react-i18next', 'MIT'],
  ['better-sqlite3', 'MIT'],
  ['SQLite', 'Public domain'],
  ['keytar', 'MIT'],
  ['eventsource-parser', 'MIT'],
  ['zod', 'MIT'],
  ['react-markdown, remark-gfm, remark-math', 'MIT'],
  ['KaTeX', 'MIT'],
  ['lowlight, highlight.js', 'MIT, BSD-3-Clause'],
  ['Recharts', 'MIT'],
  ['TanStack Virtual', 'MIT'],
];

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
      <h3>{t('about.thirdParty')}</h3>
      <table className="licences">
        <tbody>
          {THIRD_PARTY.map(([name, licence]) => (
            <tr key={name}>
              <td>{name}</td>
              <td className="muted">{licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
