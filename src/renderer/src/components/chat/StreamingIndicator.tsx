/**
 * Three pulsing dots while an answer is written: after the text as it grows, or alone before the
 * first token. Pure CSS (a compositor-only opacity animation), still under reduced motion.
 */
export function StreamingIndicator({ label }: { label: string }) {
  return (
    <span
      className="streaming-dots"
      role="img"
      aria-label={label}
      data-testid="streaming-indicator"
    >
      <span />
      <span />
      <span />
    </span>
  );
}
