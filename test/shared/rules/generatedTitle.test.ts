import { describe, expect, it } from 'vitest';
import {
  cleanGeneratedTitle,
  TITLE_SOURCE_CHARS,
  titleMessages,
  titleWanted,
} from '../../../src/shared/rules/generatedTitle';

const q = { role: 'user', status: 'complete', content: 'Làm sao tiết kiệm điện?' };
const a = { role: 'assistant', status: 'complete', content: 'Tắt điều hoà khi ra ngoài.' };

describe('titleWanted', () => {
  it('asks once, after the first complete answer', () => {
    expect(titleWanted({ titleIsCustom: false, enabled: true }, [q, a])).toBe(true);
    expect(titleWanted({ titleIsCustom: false, enabled: true }, [q, a, q, a])).toBe(false);
    expect(titleWanted({ titleIsCustom: false, enabled: true }, [q])).toBe(false);
  });

  it('never for a title the user set, nor when switched off', () => {
    expect(titleWanted({ titleIsCustom: true, enabled: true }, [q, a])).toBe(false);
    expect(titleWanted({ titleIsCustom: false, enabled: false }, [q, a])).toBe(false);
  });

  it('not after a failed, stopped or empty answer', () => {
    const facts = { titleIsCustom: false, enabled: true };
    expect(titleWanted(facts, [q, { ...a, status: 'error' }])).toBe(false);
    expect(titleWanted(facts, [q, { ...a, status: 'stopped' }])).toBe(false);
    expect(titleWanted(facts, [q, { ...a, content: '  ' }])).toBe(false);
  });
});

describe('titleMessages', () => {
  it('carries the instruction and the start of the question and the answer', () => {
    const long = 'x'.repeat(TITLE_SOURCE_CHARS + 500);
    const [system, user] = titleMessages(long, 'short answer');
    expect(system?.role).toBe('system');
    expect(system?.content).toMatch(/language the user wrote in/);
    expect(user?.content.length).toBeLessThan(TITLE_SOURCE_CHARS + 100);
    expect(user?.content).toContain('short answer');
  });
});

describe('cleanGeneratedTitle', () => {
  it('strips Markdown, labels, quotes and final punctuation', () => {
    expect(cleanGeneratedTitle('**Tiết kiệm điện tại nhà**')).toBe('Tiết kiệm điện tại nhà');
    expect(cleanGeneratedTitle('Title: "Saving power at home."')).toBe('Saving power at home');
    expect(cleanGeneratedTitle('# 标题：《中转站的原理》。')).toBe('中转站的原理');
    expect(cleanGeneratedTitle('`Ollama` setup\n\nSecond line ignored')).toBe('Ollama setup');
  });

  it('keeps the first line that says something, and is empty when nothing does', () => {
    expect(cleanGeneratedTitle('\n\n  Rust lifetimes explained  \n')).toBe(
      'Rust lifetimes explained',
    );
    expect(cleanGeneratedTitle('""')).toBe('');
    expect(cleanGeneratedTitle('   ')).toBe('');
  });

  it('cuts a long reply near 60 characters at a word boundary', () => {
    const title = cleanGeneratedTitle(
      'A very long title that the model wrote although it was asked for six words at most',
    );
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toMatch(/^A very long title/);
  });
});
