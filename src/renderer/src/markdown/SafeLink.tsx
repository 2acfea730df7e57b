import type { ComponentPropsWithoutRef, MouseEvent } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useMarkdownEnvironment } from './markdownContext';
import { openableUrl } from '../../../shared/rules/linkPolicy';

/**
 * Replaces react-markdown's <a>. Only http(s) and mailto become links, and a click hands the URL
 * to `onOpenLink` (main opens the system browser): the window itself never navigates. Anything
 * else (javascript:, file:, relative, in-page anchors) is shown as its text.
 */
export function SafeLink({ href, children }: ComponentPropsWithoutRef<'a'> & ExtraProps) {
  const { openLink } = useMarkdownEnvironment();
  const url = openableUrl(href);
  if (!url) return <span className="md-link-inert">{children}</span>;

  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    event.stopPropagation();
    openLink(url);
  };
  // Middle click would ask for a new window; main denies those, and we route it the same way.
  const openAux = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button === 1) open(event);
  };

  return (
    <a
      className="md-link"
      href={url}
      title={url}
      rel="noreferrer noopener"
      onClick={open}
      onAuxClick={openAux}
    >
      {children}
    </a>
  );
}
