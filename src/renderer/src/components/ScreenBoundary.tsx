import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RawFallback, RenderBoundary } from './RenderBoundary';
import { retryFailedScreens } from './ScreenPlaceholder';

/**
 * One screen (chat, settings, usage, onboarding) inside its own boundary: a screen that cannot
 * render says so and shows the error's text, while the sidebar still leads to the others.
 * Switching screens (or conversations) tries again, and so does the fallback's button.
 */
export function ScreenBoundary({
  screen,
  resetKey = screen,
  children,
}: {
  screen: string;
  /** Besides another screen, what else is worth another try (another open conversation). */
  resetKey?: string;
  children: ReactNode;
}) {
  // Another screen: a screen whose code did not arrive is fetched again when next shown. Keyed
  // on the screen alone, so opening another conversation does not render this twice.
  const [shown, setShown] = useState(screen);
  if (shown !== screen) {
    retryFailedScreens();
    setShown(screen);
  }
  return (
    <RenderBoundary
      where={`${screen} screen`}
      resetKey={resetKey}
      fallback={(error, retry) => <ScreenFallback error={error} retry={retry} />}
    >
      {children}
    </RenderBoundary>
  );
}

function ScreenFallback({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation('common');
  return (
    <RawFallback
      role="alert"
      note={t('renderError.screen')}
      text={error.message}
      retry={{
        label: t('renderError.retry'),
        onRetry: () => {
          retryFailedScreens();
          retry();
        },
      }}
    />
  );
}
