/** Most names offered at once: a browser list of 300,000 options froze the window for minutes. */
export const MAX_MODEL_OPTIONS = 200;

/** What was typed as lower-case words. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

// Lower-cased names per list, made once: a relay may list hundreds of thousands of models, and
// lower-casing them all again on every keystroke cost more than the matching itself.
const loweredLists = new WeakMap<readonly string[], string[]>();
function lowerCased(models: readonly string[]): string[] {
  let lowered = loweredLists.get(models);
  if (!lowered) {
    lowered = models.map((m) => m.toLowerCase());
    loweredLists.set(models, lowered);
  }
  return lowered;
}

/**
 * A profile's models that match what was typed (as `matchesQuery`), at most `cap` of them, and
 * how many more match. One pass over the list; words found in the profile's name match every
 * model, so a query made only of those needs no pass at all.
 */
export function matchingModels(
  models: readonly string[],
  profileName: string,
  query: string,
  cap: number = MAX_MODEL_OPTIONS,
): { shown: string[]; hidden: number } {
  const profile = profileName.toLowerCase();
  const words = queryWords(query).filter((w) => !profile.includes(w));
  if (words.length === 0)
    return { shown: models.slice(0, cap), hidden: Math.max(0, models.length - cap) };
  const lowered = lowerCased(models);
  const shown: string[] = [];
  let matches = 0;
  for (let i = 0; i < lowered.length; i++) {
    const name = lowered[i] ?? '';
    if (!words.every((w) => name.includes(w))) continue;
    matches += 1;
    const model = models[i];
    if (shown.length < cap && model !== undefined) shown.push(model);
  }
  return { shown, hidden: matches - shown.length };
}
