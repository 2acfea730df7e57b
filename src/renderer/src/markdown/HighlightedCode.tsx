import { memo } from 'react';
import { useLazyModule } from '../lazyModule';
import { chunkCode } from './codeChunks';
import { codeHighlighter } from './lazyRenderers';

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
            />
          ))
        : code}
    </code>
  );
}

const HighlightedChunk = memo(function HighlightedChunk(props: {
  highlighter: Highlighter;
  language: string;
  code: string;
}) {
  return <>{props.highlighter.highlightToReact(props.language, props.code)}</>;
});
