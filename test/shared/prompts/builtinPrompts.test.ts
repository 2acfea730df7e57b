import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PROMPT_IDS,
  builtinPrompts,
  isBuiltinPromptId,
} from '../../../src/shared/prompts/builtinPrompts';
import { UI_LANGUAGES } from '../../../src/shared/rules/languages';
import { promptFieldsSchema } from '../../../src/shared/types/prompts';

describe('built-in prompts', () => {
  it('ship about a dozen, each valid in every language', () => {
    expect(BUILTIN_PROMPT_IDS.length).toBeGreaterThanOrEqual(10);
    for (const language of UI_LANGUAGES) {
      const list = builtinPrompts(language);
      expect(list.map((p) => p.id)).toEqual(BUILTIN_PROMPT_IDS);
      for (const p of list) {
        expect(p.builtin).toBe(true);
        expect(p.systemPrompt.length).toBeGreaterThan(80);
        expect(
          promptFieldsSchema.safeParse({
            name: p.name,
            systemPrompt: p.systemPrompt,
            model: p.model,
            temperature: p.temperature,
            firstMessage: p.firstMessage,
          }).success,
        ).toBe(true);
      }
      expect(new Set(list.map((p) => p.name)).size).toBe(list.length);
    }
  });

  it('are written in each language, not copied from English', () => {
    const en = builtinPrompts('en');
    const vi = builtinPrompts('vi');
    const zh = builtinPrompts('zh-CN');
    en.forEach((p, i) => {
      expect(vi[i]?.systemPrompt).not.toBe(p.systemPrompt);
      expect(zh[i]?.systemPrompt).not.toBe(p.systemPrompt);
      expect(vi[i]?.systemPrompt).toMatch(
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
      );
      expect(zh[i]?.systemPrompt).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('are told apart from saved prompts by id', () => {
    expect(isBuiltinPromptId('builtin:code-review')).toBe(true);
    expect(isBuiltinPromptId('1f0c2d3e-0000-4000-8000-000000000000')).toBe(false);
  });
});
