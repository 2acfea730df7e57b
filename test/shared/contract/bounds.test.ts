import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes as ROUTES } from '../../../src/shared/contract';
import { MAX_BUDGETS_PER_UPDATE } from '../../../src/shared/types/usage';

// Bounded by a refinement JSON Schema cannot show: checked by parsing below.
const CHECKED_BY_PARSING = new Set(['usage.settings.update.properties.budgets']);

/** Paths in a JSON schema where a string, array or map has no upper bound. */
function unbounded(schema: unknown, path: string, out: string[]): void {
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as Record<string, unknown>;
  if (
    s['type'] === 'string' &&
    s['maxLength'] === undefined &&
    s['enum'] === undefined &&
    s['const'] === undefined
  )
    out.push(`${path}: string without a maximum length`);
  if (s['type'] === 'array' && s['maxItems'] === undefined && s['prefixItems'] === undefined)
    out.push(`${path}: array without a maximum size`);
  if (
    s['type'] === 'object' &&
    typeof s['additionalProperties'] === 'object' &&
    s['maxProperties'] === undefined
  )
    out.push(`${path}: record without a maximum size`);
  for (const [key, value] of Object.entries(s)) {
    if (Array.isArray(value)) value.forEach((v, i) => unbounded(v, `${path}.${key}[${i}]`, out));
    else if (typeof value === 'object') unbounded(value, `${path}.${key}`, out);
  }
}

describe('every route input is bounded at the boundary', () => {
  it.each(Object.keys(ROUTES))('%s', (name) => {
    const input = ROUTES[name as keyof typeof ROUTES].input as z.ZodType;
    const found: string[] = [];
    unbounded(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }), name, found);
    expect(found.filter((f) => !CHECKED_BY_PARSING.has(f.split(':')[0] ?? ''))).toEqual([]);
  });

  it('usage.settings.update refuses a flood of budgets', () => {
    const input = ROUTES['usage.settings.update'].input;
    const many = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, 10]));
    expect(input.safeParse({ budgets: many(MAX_BUDGETS_PER_UPDATE) }).success).toBe(true);
    expect(input.safeParse({ budgets: many(MAX_BUDGETS_PER_UPDATE + 1) }).success).toBe(false);
  });

  it('the import carries no file over IPC: main asks for the path in its own dialog', () => {
    const input = ROUTES['history.importJson'].input;
    expect(input.safeParse({}).success).toBe(true);
    expect(input.safeParse({ json: '{"conversations":[]}' }).success).toBe(false);
    expect(input.safeParse({ path: '/etc/passwd' }).success).toBe(false);
  });

  it('a profile with a megabyte name is refused before it reaches the service', () => {
    const input = ROUTES['profiles.create'].input;
    expect(input.safeParse({ preset: 'custom', name: 'x'.repeat(1_000_000) }).success).toBe(false);
    expect(input.safeParse({ preset: 'custom', name: 'Relay' }).success).toBe(true);
  });
});
