import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RawFallback, RenderBoundary } from './RenderBoundary';

/**
 * One screen (chat, settings, usage, onboarding) inside its own boundary: a screen that cannot
 * render says so and shows the error's text, while the sidebar still leads to the others.
 * Switching screens tries again.
 */
export function ScreenBoundary({ screen, children }: { screen: string; children: ReactNode }) {
  return (
    <RenderBoundary
      where={`${screen} screen`}
      resetKey={screen}
      fallback={(error) => <ScreenFallback error={error} />}
    >
      {children}
    </RenderBoundary>
  );
}

function ScreenFallback({ error }: { error: Error }) {
  const { t } = useTranslation('common');
  return <RawFallback role="alert" note={t('renderError.screen')} text={error.message} />;
}
