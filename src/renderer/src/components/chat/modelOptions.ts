/** Most names offered at once: a browser list of 300,000 options froze the window for minutes. */
export const MAX_MODEL_OPTIONS = 200;

export interface ModelOptions {
  /** At most `cap` names, in list order, that contain what was typed (case-insensitive). */
  shown: string[];
  /** Matching names left out; the user narrows the list by typing. */
  hidden: number;
}

/**
 * The names the model picker offers for what the user typed. The exact current value is not a
 * filter (the field shows the chosen model): then the whole list is the source, capped.
 */
export function modelOptions(
  models: readonly string[],
  typed: string,
  cap: number = MAX_MODEL_OPTIONS,
): ModelOptions {
  const needle = typed.trim().toLowerCase();
  const filtering = needle !== '' && !models.includes(typed);
  const shown: string[] = [];
  let matches = 0;
  for (const name of models) {
    if (filtering && !name.toLowerCase().includes(needle)) continue;
    matches += 1;
    if (shown.length < cap) shown.push(name);
  }
  return { shown, hidden: matches - shown.length };
}
