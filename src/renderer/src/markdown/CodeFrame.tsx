import { useEffect, useState, type ReactNode } from 'react';
import { useMarkdownEnvironment } from './markdownContext';

type CopyStatus = 'idle' | 'copied' | 'failed';
const COPY_FEEDBACK_MS = 1500;

interface CodeFrameProps {
  readonly language: string | undefined;
  /** Called on Copy only: a streaming block re-renders far more often than it is copied. */
  readonly getText: () => string;
  /** The <code> element. */
  readonly children: ReactNode;
}

/** A code block: header with the language and a Copy button, then the code scrolling sideways. */
export function CodeFrame({ language, getText, children }: CodeFrameProps) {
  const { labels } = useMarkdownEnvironment();
  const [status, setStatus] = useState<CopyStatus>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setStatus('failed');
      return;
    }
    clipboard.writeText(getText()).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };

  return (
    <div className="md-code">
      <div className="md-code-header">
        <span className="md-code-lang">{language ?? labels.plainText}</span>
        <button type="button" className="md-code-copy" onClick={copy} data-status={status}>
          {status === 'copied'
            ? labels.copied
            : status === 'failed'
              ? labels.copyFailed
              : labels.copy}
        </button>
      </div>
      <pre className="md-code-body">{children}</pre>
    </div>
  );
}
