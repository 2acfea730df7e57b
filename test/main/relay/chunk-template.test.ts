import { describe, expect, it } from 'vitest';
import { ChatStreamParser } from '../../../src/main/relay/chat-stream-parser';
import { ChunkTemplate, type ChunkReading } from '../../../src/main/relay/chunk-template';
import { completionChunk, usageChunk } from '../../fixtures/fake-relay';

/**
 * The template fast path must read exactly what JSON.parse reads, and never accept text that
 * JSON.parse rejects. Checked here against an independent reference on generated and mutated
 * chunks (seeded, so a failure reproduces).
 */

interface Reading {
  content: string;
  reasoning: string;
  finishReason: string | null;
  failed: string | undefined;
}

/** Reference: JSON.parse every data line, read the fields the way the spec says. */
function reference(lines: string[]): Reading {
  const out: Reading = { content: '', reasoning: '', finishReason: null, failed: undefined };
  for (const line of lines) {
    let chunk: unknown;
    try {
      chunk = JSON.parse(line);
    } catch {
      out.failed = 'protocol';
      return out;
    }
    const choices = (chunk as { choices?: Record<string, unknown>[] }).choices;
    const choice = choices?.find((c) => c['index'] === undefined || c['index'] === 0);
    const delta = (choice?.['delta'] ?? choice?.['message']) as Record<string, unknown> | undefined;
    if (typeof delta === 'object' && delta !== null) {
      const content = delta['content'];
      const refusal = delta['refusal'];
      let text = typeof content === 'string' ? content : '';
      if (typeof refusal === 'string') text += refusal;
      out.content += text;
      const rc = delta['reasoning_content'];
      const r = typeof rc === 'string' && rc !== '' ? rc : delta['reasoning'];
      if (typeof r === 'string') out.reasoning += r;
    }
    const finish = choice?.['finish_reason'];
    if (typeof finish === 'string' && finish !== '') out.finishReason = finish;
  }
  return out;
}

function viaParser(lines: string[]): Reading {
  const parser = new ChatStreamParser({
    baseUrl: 'http://x/v1',
    url: 'http://x/v1/chat/completions',
  });
  const out: Reading = { content: '', reasoning: '', finishReason: null, failed: undefined };
  for (const line of lines) {
    // Pretty-printed or mutated JSON may hold raw newlines: one `data:` line each, SSE rejoins them.
    const frame = line
      .split('\n')
      .map((part) => `data: ${part}\n`)
      .join('');
    parser.feed(new TextEncoder().encode(`${frame}\n`));
  }
  for (const event of parser.events) {
    if (event.type === 'delta') {
      out.content += event.content ?? '';
      out.reasoning += event.reasoning ?? '';
    }
  }
  out.finishReason = parser.finishReason;
  out.failed = parser.failure?.code;
  return out;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  'a',
  'Z',
  ' ',
  'ế',
  'ệ',
  '中',
  '转',
  '👨‍👩‍👧',
  '🎉',
  '"',
  '\\',
  '\n',
  '\t',
  '\u0001',
  '/',
  '\u2028',
  '{',
  '}',
  ':',
  ',',
];

function text(rand: () => number, max = 6): string {
  let s = '';
  const n = Math.floor(rand() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)] ?? '';
  return s;
}

describe('chunk template fast path', () => {
  it('reads generated streams exactly like JSON.parse', () => {
    const rand = random(42);
    for (let stream = 0; stream < 300; stream++) {
      const lines: string[] = [];
      const reasoningFirst = rand() < 0.3;
      for (let i = 0; i < 12; i++) {
        const roll = rand();
        const fields =
          reasoningFirst && i < 4 ? { reasoning: text(rand) } : { content: text(rand) };
        let chunk: Record<string, unknown> = completionChunk(fields);
        if (roll < 0.1) chunk = { ...chunk, obfuscation: text(rand, 4) };
        else if (roll < 0.15) chunk = completionChunk({ ...fields, finishReason: 'stop' });
        else if (roll < 0.2) chunk = usageChunk(1, 2);
        else if (roll < 0.25)
          chunk = { choices: [{ index: 0, delta: { ...fields, refusal: text(rand) } }] };
        else if (roll < 0.3)
          chunk = { choices: [{ index: 0, delta: { content: null, reasoning: text(rand) } }] };
        lines.push(rand() < 0.1 ? JSON.stringify(chunk, null, 1) : JSON.stringify(chunk));
      }
      expect(viaParser(lines)).toEqual(reference(lines));
    }
  });

  it('never accepts a mutated chunk JSON.parse rejects, and reads accepted ones the same', () => {
    const rand = random(7);
    const base = JSON.stringify(completionChunk({ content: ' kiệm' }));
    const inserts = ['"', '\\', '}', ',', '\u0000', '\n', ' ', 'x', '\\u12', '\\"', ']', '"}'];
    let rejected = 0;
    for (let round = 0; round < 4000; round++) {
      const variant = JSON.stringify(completionChunk({ content: text(rand) }));
      const at = Math.floor(rand() * variant.length);
      const mutated =
        rand() < 0.5
          ? variant.slice(0, at) +
            (inserts[Math.floor(rand() * inserts.length)] ?? '') +
            variant.slice(at)
          : variant.slice(0, at) + variant.slice(at + 1);
      // What arrives over the wire is UTF-8: a deleted half of a surrogate pair becomes U+FFFD.
      const wire = new TextDecoder().decode(new TextEncoder().encode(mutated));
      const expected = reference([base, wire]);
      if (expected.failed !== undefined) rejected++;
      expect(viaParser([base, wire])).toEqual(expected);
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  it('learns from a token chunk, then reads only the delta of matching ones', () => {
    const read = (line: string): ChunkReading | undefined => {
      const r = reference([line]);
      if (r.failed !== undefined) return undefined;
      const usage = (JSON.parse(line) as { usage?: unknown }).usage;
      return {
        content: r.content || undefined,
        reasoning: r.reasoning || undefined,
        finishReason: r.finishReason ?? undefined,
        usage: usage ? { promptTokens: 0, completionTokens: 0, totalTokens: 0 } : undefined,
        hasError: false,
      };
    };
    const template = new ChunkTemplate();
    const first = JSON.stringify(completionChunk({ content: 'x' }));
    expect(template.match(first)).toBe(false);
    template.learn(first, read(first) as ChunkReading, read);
    const plain = JSON.stringify(completionChunk({ content: ' 中转站 🎉' }));
    expect([template.match(plain), template.value]).toEqual([true, ' 中转站 🎉']);
    const escaped = JSON.stringify(completionChunk({ content: 'say "hi"\n' }));
    expect([template.match(escaped), template.value]).toEqual([true, 'say "hi"\n']);
    expect(
      template.match(JSON.stringify(completionChunk({ content: 'x', finishReason: 'stop' }))),
    ).toBe(false);
    expect(template.match(JSON.stringify(completionChunk({ content: 'x', model: 'gpt-4o' })))).toBe(
      false,
    );
    expect(template.match(JSON.stringify(usageChunk(1, 1)))).toBe(false);
    expect(template.match(first.replace('"x"', '"a"b"'))).toBe(false);
  });
});
