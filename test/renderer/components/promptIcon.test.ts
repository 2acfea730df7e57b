import { describe, expect, it } from 'vitest';
import { BookText } from 'lucide-react';
import { promptIcon } from '../../../src/renderer/src/components/prompts/promptIcon';
import { BUILTIN_PROMPT_IDS } from '../../../src/shared/prompts/builtinPrompts';

describe('promptIcon', () => {
  it('gives every built-in prompt an icon of its own kind, and the user’s prompts a book', () => {
    for (const id of BUILTIN_PROMPT_IDS) expect(promptIcon(id), id).not.toBe(BookText);
    // Two translation prompts share one; the other ten are all different.
    expect(new Set(BUILTIN_PROMPT_IDS.map(promptIcon)).size).toBe(BUILTIN_PROMPT_IDS.length - 1);
    expect(promptIcon('user:1f3a')).toBe(BookText);
    expect(promptIcon('builtin:code-review-copy')).toBe(BookText);
  });
});
