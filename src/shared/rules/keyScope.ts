/**
 * A key is given for the servers a profile sends it to. An edit that adds a server (an origin the
 * profile did not use) drops the stored key, so nothing — a typo, or a script that got into the
 * window — can redirect it. Main applies this rule; the renderer asks first with the same rule.
 */
export interface KeyScope {
  baseUrl: string;
  fallbackBaseUrls: readonly string[];
}

function originOf(url: string): string | null {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return null;
  }
}

/** The origins requests go to; unparsable URLs count as a new, unknown origin. */
export function originsOf(scope: KeyScope): (string | null)[] {
  return [scope.baseUrl, ...scope.fallbackBaseUrls]
    .filter((url) => url.trim() !== '')
    .map(originOf);
}

/** True when `next` sends requests to an origin `current` did not. */
export function editDropsKey(current: KeyScope, next: KeyScope): boolean {
  const known = new Set(originsOf(current));
  return originsOf(next).some((origin) => origin === null || !known.has(origin));
}
