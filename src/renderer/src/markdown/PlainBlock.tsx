import { useMarkdownEnvironment } from './markdownContext';
import type { PlainReason } from './renderLimits';

/**
 * A block shown as the text the model wrote, unformatted: what is left when formatting it would
 * cost too much (or failed). The note says why the formatting is missing.
 */
export function PlainBlock({ source, reason }: { source: string; reason: PlainReason }) {
  const { labels } = useMarkdownEnvironment();
  return (
    <div className="md-plain-block" data-plain-reason={reason}>
      <p className="md-plain-note" role="note">
        {labels.plainFallback}
      </p>
      <pre className="md-plain-text">{source}</pre>
    </div>
  );
}
