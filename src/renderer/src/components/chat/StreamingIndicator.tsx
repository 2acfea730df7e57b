import { useEffect, useState } from 'react';

/** How long an answer's text stands still before its dots pulse again. */
export const QUIET_MS = 1500;

/**
 * Three dots after an answer being written. They pulse while nothing has come yet, and again once
 * the text has stood still for QUIET_MS; while text flows they stand still, the growing text being
 * the motion. An animation that never stops has the compositor draw the window at every refresh,
 * frames with no new text included, on the same cores that lay out and paint the answer.
 * `progress` is anything that grows as text arrives (the text's length); 0 is "nothing yet".
 * Pure CSS pulse (a compositor-only opacity animation), still under reduced motion.
 */
export function StreamingIndicator({ label, progress }: { label: string; progress: number }) {
  // The progress at which the text last stood still for QUIET_MS.
  const [stillAt, setStillAt] = useState<number | null>(null);
  useEffect(() => {
    if (progress === 0) return;
    const timer = setTimeout(() => setStillAt(progress), QUIET_MS);
    return () => clearTimeout(timer);
  }, [progress]);
  const pulse = progress === 0 || stillAt === progress;
  return (
    <span
      className="streaming-dots"
      role="img"
      aria-label={label}
      data-testid="streaming-indicator"
      data-pulse={pulse}
    >
      <span />
      <span />
      <span />
    </span>
  );
}
