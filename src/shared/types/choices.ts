// Fixed lists the renderer shows as choices. Kept apart from the zod schemas built on them so
// that the renderer's start-up code does not carry zod.
export { LANGUAGES } from '../rules/languages';
export const THEMES = ['system', 'light', 'dark'] as const;
export const CURRENCIES = ['USD', 'CNY', 'VND'] as const;
