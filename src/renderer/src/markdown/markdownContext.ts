import { createContext, useContext } from 'react';

/** Every string the Markdown view shows. `{host}` in `loadImage` is replaced by the image's host. */
export interface MarkdownLabels {
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  /** Shown as a code block's language when the fence names none. */
  readonly plainText: string;
  readonly loadImage: string;
  readonly loadingImage: string;
  readonly imageFailed: string;
  readonly taskDone: string;
  readonly taskOpen: string;
  /** Above a block shown unformatted because formatting it would cost too much. */
  readonly plainFallback: string;
  readonly linkConfirmTitle: string;
  /** The link's text shows another address than the one it opens. */
  readonly linkMismatch: string;
  /** The link leads to this computer or the local network. */
  readonly linkLocal: string;
  readonly linkOpen: string;
  readonly linkCancel: string;
}

export const defaultMarkdownLabels: MarkdownLabels = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  plainText: 'text',
  loadImage: 'Load image from {host}',
  loadingImage: 'Loading image…',
  imageFailed: 'The image could not be loaded.',
  taskDone: 'Done',
  taskOpen: 'Not done',
  plainFallback: 'Shown as plain text: this part is too large or too deeply nested to format.',
  linkConfirmTitle: 'Open this link?',
  linkMismatch: 'The link text shows a different address from the one it opens.',
  linkLocal: 'This link leads to this computer or your local network.',
  linkOpen: 'Open link',
  linkCancel: 'Cancel',
};

export interface MarkdownEnvironment {
  readonly labels: MarkdownLabels;
  readonly openLink: (url: string) => void;
  readonly loadImage: (url: string) => Promise<string>;
}

export const MarkdownContext = createContext<MarkdownEnvironment>({
  labels: defaultMarkdownLabels,
  openLink: () => undefined,
  loadImage: () => Promise.reject(new Error('No image loader')),
});

export function useMarkdownEnvironment(): MarkdownEnvironment {
  return useContext(MarkdownContext);
}
