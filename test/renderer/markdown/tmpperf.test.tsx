import { render } from '@testing-library/react';
import { it } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
const para = 'Lorem ipsum dolor sit amet, **consectetur** adipiscing elit, `sed` do eiusmod tempor incididunt ut labore. ';
const code = (n: number) => '```ts\n' + Array.from({ length: n }, (_, i) => `const v${i} = compute(${i}, "str", [1, 2, 3]); // note`).join('\n') + '\n```';
const table = '| a | b | c |\n|---|---|---|\n' + Array.from({ length: 10 }, (_, i) => `| ${i} | x${i} | y |`).join('\n');
function run(label: string, doc: string) {
  const el = (t: string, s: boolean) => <Markdown text={t} streaming={s} onOpenLink={() => {}} onLoadImage={async () => ''} />;
  const { rerender, unmount } = render(el('', true));
  const times: number[] = [];
  for (let end = 30; end <= doc.length; end += 30) { const s = performance.now(); rerender(el(doc.slice(0, end), true)); times.push(performance.now() - s); }
  unmount();
  times.sort((a, b) => a - b); const n = times.length;
  console.log(`${label}: median ${times[n >> 1]!.toFixed(2)} p95 ${times[Math.floor(n * 0.95)]!.toFixed(2)} max ${times[n - 1]!.toFixed(2)} ms`);
}
it('perf', () => {
  const mixed = [para.repeat(3), code(40), table, para.repeat(2), '$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$', para.repeat(4), code(40), para.repeat(3)].join('\n\n');
  for (let i = 0; i < 4; i++) run('mixed', mixed);
  for (let i = 0; i < 2; i++) run('code only', code(80));
});
