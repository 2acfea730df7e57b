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
