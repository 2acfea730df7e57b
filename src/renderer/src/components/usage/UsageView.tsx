import { useTranslation } from 'react-i18next';

export function UsageView() {
  const { t } = useTranslation();
  return (
    <section className="usage-view" aria-labelledby="usage-title">
      <h1 id="usage-title">{t('sidebar.usage')}</h1>
    </section>
  );
}
