/**
 * A folder as the app shows it: on macOS and Linux the home folder reads `~`
 * (`~/.config/Fleece` rather than `/home/an/.config/Fleece`), shorter and without the account's
 * name in a screenshot of Settings. Windows paths are shown as they are.
 */
export function shownPath(path: string, home: string, platform: string): string {
  if (platform === 'win32' || home.length <= 1) return path;
  const base = home.endsWith('/') ? home.slice(0, -1) : home;
  if (path === base) return '~';
  return path.startsWith(`${base}/`) ? `~${path.slice(base.length)}` : path;
}
