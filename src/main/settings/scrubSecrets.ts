/** Field names that hold a secret: keys live in the OS keychain, never in settings.json. */
const SECRET_FIELDS = new Set(['apikey', 'api_key', 'key', 'token', 'accesstoken', 'secret']);
/** Values shaped like an OpenAI (`sk-`) or HolySheep (`hsa-`) key, wherever they were put. */
const SECRET_VALUE = /^\s*(sk|hsa)-/i;

/**
 * Removes key-like fields and values from parsed settings (planted by hand, or by an old or
 * foreign tool), returning the cleaned copy and the JSON paths removed (for the log).
 */
export function scrubSecrets(value: unknown, path = '$'): { value: unknown; removed: string[] } {
  const removed: string[] = [];
  const walk = (v: unknown, at: string): unknown => {
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      v.forEach((item, i) => {
        if (typeof item === 'string' && SECRET_VALUE.test(item)) removed.push(`${at}[${i}]`);
        else out.push(walk(item, `${at}[${i}]`));
      });
      return out;
    }
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const secretName = SECRET_FIELDS.has(k.toLowerCase());
        const secretValue = typeof item === 'string' && SECRET_VALUE.test(item);
        if (secretName || secretValue) removed.push(`${at}.${k}`);
        else out[k] = walk(item, `${at}.${k}`);
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, path), removed };
}
