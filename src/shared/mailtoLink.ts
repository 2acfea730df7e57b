// A mailto link written by a model may carry header fields that act without the user seeing
// them (`cc`/`bcc` to a third party, `in-reply-to`, `attach` in some mail clients). Only the
// recipients, the subject and the body survive; everything else is dropped before the link is
// handed to the system.
const KEPT_FIELDS = new Set(['to', 'subject', 'body']);

/**
 * `url` (a parsed `mailto:` URL) with only its recipients and its `to`, `subject` and `body`
 * fields, each kept exactly as written (mailto does not treat `+` as a space). The fragment,
 * meaningless in a mailto link, is dropped.
 */
export function keepSafeMailtoFields(url: URL): string {
  const kept: string[] = [];
  const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  for (const field of query.split('&')) {
    const name = field.split('=', 1)[0] ?? '';
    if (KEPT_FIELDS.has(decodeFieldName(name).toLowerCase())) kept.push(field);
  }
  return `mailto:${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

function decodeFieldName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
