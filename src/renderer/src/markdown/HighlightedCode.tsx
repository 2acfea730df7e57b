import { memo } from 'react';
import { chunkCode, highlightToReact } from './highlighter';

/** A <code> element with syntax highlighting, built from memoised chunks (see chunkCode). */
export function HighlightedCode({
  language,
  code,
}: {
  language: string | undefined;
  code: string;
}) {
  if (!language) return <code>{code}</code>;
  return (
    <code className={`hljs language-${language}`}>
      {chunkCode(code).map((chunk, index) => (
        <HighlightedChunk key={index} language={language} code={chunk} />
      ))}
    </code>
  );
}

const HighlightedChunk = memo(function HighlightedChunk(props: { language: string; code: string }) {
  return <>{highlightToReact(props.language, props.code)}</>;
});
