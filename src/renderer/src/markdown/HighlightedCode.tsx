import { memo, type ReactNode } from 'react';
import { BoundedCache } from '../boundedCache';
import { useLazyModule } from '../lazyModule';
import { chunkCode } from './codeChunks';
import { codeHighlighter } from './lazyRenderers';
import { useDecorationsReady } from './afterPaint';

type Highlighter = NonNullable<ReturnType<typeof codeHighlighter.current>>;

/**
 * A <code> element with syntax highlighting, built from memoised chunks (see chunkCode). Until
 * the highlighter's chunk has loaded, the same element shows the code unhighlighted.
 */
export function HighlightedCode({
  language,
  code,
}: {
  language: string | undefined;
  code: string;
}) {
  const highlighter = useLazyModule(codeHighlighter);
  // On the frame that opens a conversation, only chunks highlighted before are drawn so.
  const ready = useDecorationsReady();
  if (!language) return <code>{code}</code>;
  return (
    <code className={`hljs language-${language}`}>
      {highlighter
        ? chunkCode(code).map((chunk, index) => (
            <HighlightedChunk
              key={index}
              highlighter={highlighter}
              language={language}
              code={chunk}
              cachedOnly={!ready}
            />
          ))
        : code}
    </code>
  );
}

/**
 * Highlighted chunks by language and text: code shown again (a conversation re-opened, a block
 * scrolled back into view) is not tokenised again. Bounded in chunks and characters.
 */
const highlightedChunks = new BoundedCache<string, ReactNode>(200, 200_000);

const HighlightedChunk = memo(function HighlightedChunk(props: {
  highlighter: Highlighter;
  language: string;
  code: string;
  /** Only a highlighting made before is used; otherwise the chunk shows as plain text. */
  cachedOnly: boolean;
}) {
  const key = `${props.language}\u0000${props.code}`;
  let nodes = highlightedChunks.get(key);
  if (nodes === undefined && props.cachedOnly) return <>{props.code}</>;
  if (nodes === undefined) {
    nodes = props.highlighter.highlightToReact(props.language, props.code);
    highlightedChunks.set(key, nodes, key.length);
  }
  return <>{nodes}</>;
});
