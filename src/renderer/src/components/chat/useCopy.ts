import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a Copy button says "Copied" after a copy went through. */
const COPIED_MS = 1500;

/** Writes a text to the clipboard; `copied` is true for a moment after a copy went through. */
export function useCopy(): { copied: boolean; copy: (text: string) => void } {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback((text: string): void => {
    void navigator.clipboard.writeText(text).then(
      () => {
        setCopied(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setCopied(false), COPIED_MS);
      },
      () => undefined,
    );
  }, []);
  return { copied, copy };
}
