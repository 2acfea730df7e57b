import type { ComponentPropsWithoutRef } from 'react';
import type { Element, ElementContent } from 'hast';
import type { ExtraProps } from 'react-markdown';
import { CodeFrame } from './CodeFrame';
import { HighlightedCode } from './HighlightedCode';
import { MathView } from './MathView';
import { MermaidView } from './MermaidView';

/** A code block with its header; used for top-level fences directly, without react-markdown. */
export function FencedCode({ language, code }: { language: string | undefined; code: string }) {
  return (
    <CodeFrame language={language} getText={() => code}>
      <HighlightedCode language={language} code={code} />
    </CodeFrame>
  );
}

/** Replaces react-markdown's <pre>: code nested in lists or quotes, indented code, display math. */
export function CodeBlock({ node }: ComponentPropsWithoutRef<'pre'> & ExtraProps) {
  const code = node?.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  );
  if (!code) return null;
  const language = languageOf(code);
  // remark-math's $$ blocks and ```math fences both arrive as <pre><code class="language-math">.
  if (language === 'math') return <MathView tex={textOf(code)} display />;
  // Inside a list or a quote: drawn once the text stops changing (no fence state here).
  if (language === 'mermaid')
    return <MermaidView code={textOf(code).replace(/\n$/, '')} closed={false} />;
  return <FencedCode language={language} code={textOf(code).replace(/\n$/, '')} />;
}

/** Replaces react-markdown's <code>: inline `$…$` math goes to KaTeX, other code stays as is. */
export function InlineCode({
  node,
  className,
  children,
}: ComponentPropsWithoutRef<'code'> & ExtraProps) {
  if (node && className?.split(' ').includes('math-inline')) {
    return <MathView tex={textOf(node)} display={false} />;
  }
  return <code className={className}>{children}</code>;
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  for (const name of classes) {
    if (typeof name === 'string' && name.startsWith('language-')) {
      return name.slice('language-'.length);
    }
  }
  return undefined;
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}
