import { describe, expect, it } from 'vitest';
import { parsePromptFile, serializePromptFile } from '../../../src/main/prompts/promptFile';
import { FleeceError } from '../../../src/main/errors/FleeceError';

const valid = {
  format: 'fleece-prompts',
  version: 1,
  prompts: [
    {
      name: '  SQL  ',
      systemPrompt: 'You write SQL.',
      model: { profileId: null, model: 'deepseek-chat' },
      temperature: 0.1,
      firstMessage: '',
      id: 'ignored',
    },
    { name: 'Bare', systemPrompt: '' },
  ],
};

function refusal(text: string): { code: string; params?: Record<string, unknown> } {
  try {
    parsePromptFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FleeceError);
    return (error as FleeceError).text as { code: string; params?: Record<string, unknown> };
  }
  throw new Error('the file was accepted');
}

describe('prompt files', () => {
  it('reads a valid file, filling defaults and dropping unknown fields', () => {
    expect(parsePromptFile(`\uFEFF${JSON.stringify(valid)}`)).toEqual([
      {
        name: 'SQL',
        systemPrompt: 'You write SQL.',
        model: { profileId: null, model: 'deepseek-chat' },
        temperature: 0.1,
        firstMessage: '',
      },
      { name: 'Bare', systemPrompt: '', model: null, temperature: null, firstMessage: '' },
    ]);
  });

  it('round-trips what it writes', () => {
    const prompts = parsePromptFile(JSON.stringify(valid)).map((p, i) => ({
      ...p,
      id: `p${i}`,
      builtin: false,
      createdAt: 0,
      updatedAt: 0,
    }));
    expect(parsePromptFile(serializePromptFile(prompts))).toEqual(
      prompts.map(({ name, systemPrompt, model, temperature, firstMessage }) => ({
        name,
        systemPrompt,
        model,
        temperature,
        firstMessage,
      })),
    );
  });

  it('says which field is wrong', () => {
    const bad = structuredClone(valid);
    (bad.prompts[0] as { temperature: number }).temperature = 7;
    expect(refusal(JSON.stringify(bad))).toEqual({
      code: 'prompts_import_invalid',
      params: { where: 'prompts.0.temperature' },
    });
  });

  it('refuses text that is not JSON, another format and a newer version', () => {
    expect(refusal('name: x').code).toBe('prompts_import_not_json');
    expect(refusal(JSON.stringify({ ...valid, format: 'chatbox' })).code).toBe(
      'prompts_import_invalid',
    );
    expect(refusal(JSON.stringify({ ...valid, version: 2 })).code).toBe('prompts_import_invalid');
  });
});
