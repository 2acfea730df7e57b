import { useState, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useMarkdownEnvironment } from './markdownContext';
import { LinkConfirm } from './LinkConfirm';
import { linkWarning, type LinkWarning } from './linkWarning';
import { openableUrl } from '../../../shared/rules/linkPolicy';

interface HastLike {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly HastLike[];
}

/** The text a link shows, read from its syntax tree without recursion. */
function visibleText(node: HastLike | undefined): string {
  let text = '';
  const stack = node ? [node] : [];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.type === 'text') text += current.value ?? '';
    const children = current.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return text;
}

/**
 * Replaces react-markdown's <a>. Only http(s) and mailto become links, and a click hands the URL
 * to `onOpenLink` (main opens the system browser): the window itself never navigates. Anything
 * else (javascript:, file:, relative, in-page anchors) is shown as its text. A link whose text
 * shows another address, or that leads into the local network, asks first and shows where it goes.
 */
export function SafeLink({ href, children, node }: ComponentPropsWithoutRef<'a'> & ExtraProps) {
  const { openLink } = useMarkdownEnvironment();
  const [asking, setAsking] = useState<LinkWarning | null>(null);
  const url = openableUrl(href);
  if (!url) return <span className="md-link-inert">{children}</span>;

  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const warning = linkWarning(url, visibleText(node));
    if (warning) setAsking(warning);
    else openLink(url);
  };
  // Middle click would ask for a new window; main denies those, and we route it the same way.
  const openAux = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button === 1) open(event);
  };

  return (
    <>
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
      {asking ? (
        <LinkConfirm
          url={url}
          warning={asking}
          onOpen={() => {
            setAsking(null);
            openLink(url);
          }}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}
