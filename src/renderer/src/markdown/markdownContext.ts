import { createContext, useContext } from 'react';
import chat from '../i18n/en/chat';

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
  /** The question's close button (it cancels too). */
  readonly linkClose: string;
}

/** The English texts, from the English catalogue: one place for every string. */
export const defaultMarkdownLabels: MarkdownLabels = chat.markdown;

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
