/**
 * What the renderer may ask Chromium for. Fleece uses one permission: writing plain text to the
 * clipboard (the Copy buttons). Camera, microphone, location, notifications, HID/USB/serial, MIDI,
 * screen capture, pointer lock, opening external protocols… are all refused, whoever asks.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * True only for an allowed permission asked by our own document (`isOurDocument` decides from the
 * requesting URL). Model output cannot load another document, but if one ever appeared it would
 * get nothing.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  isOurDocument: (url: URL) => boolean,
): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  let url: URL;
  try {
    url = new URL(requestingUrl);
  } catch {
    return false;
  }
  return isOurDocument(url);
}
