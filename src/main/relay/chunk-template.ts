/**
 * Fast path for the repetitive part of a chat stream. Within one answer every token chunk is the
 * same JSON text except for the delta string:
 *   {"id":"…","object":"chat.completion.chunk",…,"choices":[{"index":0,"delta":{"content":"<TEXT>"},…}]}
 * With one event per network read, JSON.parse of that whole text (five objects built, then dropped)
 * was most of the client's CPU. So after a chunk was parsed normally we learn its text before and
 * after the delta string, and later chunks that match both read only the string.
 *
 * Why this is exact: a template is kept only if parsing `before + "x" + after` yields delta text
 * "x" and nothing else we read. For a later chunk `before + MIDDLE + after`, MIDDLE is accepted only
 * if `"MIDDLE"` is itself a valid JSON string; then the chunk tokenises exactly like the template
 * and parses to the same value with MIDDLE in place of "x". Anything else goes to JSON.parse.
 */

export type TemplateField = 'content' | 'reasoning';

/** Stop learning when templates keep failing to match (e.g. a per-chunk random field). */
const MAX_FRUITLESS_LEARNS = 8;
/** Token chunks are a few hundred characters; a huge event is a one-off not worth a template. */
const MAX_TEMPLATE_SOURCE = 4096;

/** What the slow path read from a chunk, compared against when verifying a template. */
export interface ChunkReading {
  /** Delta text (content + refusal); undefined when absent or empty. */
  content: string | undefined;
  /** `reasoning_content`, else `reasoning`; undefined when absent or empty. */
  reasoning: string | undefined;
  finishReason: string | undefined;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | undefined;
  hasError: boolean;
}

export class ChunkTemplate {
  field: TemplateField = 'content';
  /** The delta text of the last successful `match`. */
  value = '';
  private before: string | undefined;
  private after = '';
  private fruitlessLearns = 0;

  match(data: string): boolean {
    const before = this.before;
    if (before === undefined) return false;
    const after = this.after;
    const end = data.length - after.length;
    // lastIndexOf(x, 0) / indexOf(x, end) compare at one position; V8's startsWith is several
    // times slower on two-byte strings (any Vietnamese or Chinese text makes the chunk two-byte).
    if (
      end < before.length ||
      data.lastIndexOf(before, 0) !== 0 ||
      data.indexOf(after, end) !== end
    ) {
      return false;
    }
    const middle = data.slice(before.length, end);
    // An empty reasoning_content makes the slow path fall back to `reasoning`: leave it to that path.
    if (middle === '') return this.field === 'content' && this.hit('');
    for (let i = 0; i < middle.length; i++) {
      const c = middle.charCodeAt(i);
      if (c === 34 || c === 92 || c < 32) return this.matchEscaped(middle);
    }
    return this.hit(middle);
  }

  private hit(value: string): boolean {
    this.value = value;
    this.fruitlessLearns = 0;
    return true;
  }

  /**
   * Called with each chunk the slow path parsed. `read` parses a candidate text the way the slow
   * path does (undefined if it is not valid JSON).
   */
  learn(
    data: string,
    reading: ChunkReading,
    read: (text: string) => ChunkReading | undefined,
  ): void {
    if (this.fruitlessLearns >= MAX_FRUITLESS_LEARNS || data.length > MAX_TEMPLATE_SOURCE) return;
    if (this.before !== undefined && data.startsWith(this.before) && data.endsWith(this.after))
      return;
    const field = fieldOf(reading);
    const text = field === 'content' ? reading.content : reading.reasoning;
    if (field === undefined || text === undefined || JSON.stringify(text) !== `"${text}"`) return;
    const key = field === 'content' ? '"content":"' : '"reasoning_content":"';
    const at = data.indexOf(key + text + '"');
    if (at === -1) return;
    const before = data.slice(0, at + key.length);
    const after = data.slice(at + key.length + text.length);
    // The probe differs from the original text, so only the token we replaced can read back as it.
    const marker = text === 'x' ? 'y' : 'x';
    const probe = read(before + marker + after);
    if (probe === undefined || fieldOf(probe) !== field) return;
    if ((field === 'content' ? probe.content : probe.reasoning) !== marker) return;
    this.before = before;
    this.after = after;
    this.field = field;
    this.fruitlessLearns++;
  }

  private matchEscaped(middle: string): boolean {
    if (middle.indexOf('\\') === -1) return false;
    try {
      const value: unknown = JSON.parse(`"${middle}"`);
      return typeof value === 'string' && this.hit(value);
    } catch {
      return false;
    }
  }
}

/** The one text field a reading carries, if it is a plain delta and nothing else. */
function fieldOf(r: ChunkReading): TemplateField | undefined {
  if (r.hasError || r.usage !== undefined || r.finishReason !== undefined) return undefined;
  if (r.content !== undefined && r.reasoning === undefined) return 'content';
  if (r.reasoning !== undefined && r.content === undefined) return 'reasoning';
  return undefined;
}
