/**
 * Bounds and defaults both processes check against: main when it stores, the renderer as the
 * user types (so a form refuses exactly what main would).
 */

/** OpenAI's range; other relays accept the same or clamp. */
export const TEMPERATURE_MIN = 0;
export const TEMPERATURE_MAX = 2;

export function isValidTemperature(value: number): boolean {
  return Number.isFinite(value) && value >= TEMPERATURE_MIN && value <= TEMPERATURE_MAX;
}

/**
 * A temperature field as typed: empty means "the model's own" (null); anything else must be a
 * number in range, or the field is invalid.
 */
export function parseTemperature(text: string): { valid: boolean; value: number | null } {
  if (text.trim() === '') return { valid: true, value: null };
  const value = Number(text);
  return isValidTemperature(value) ? { valid: true, value } : { valid: false, value: null };
}

/** Until the response headers arrive. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Longest wait for the next body byte (keep-alive comments count). */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const TIMEOUT_MIN_MS = 1_000;
export const CONNECT_TIMEOUT_MAX_MS = 120_000;
export const IDLE_TIMEOUT_MAX_MS = 600_000;

/** Longest conversation title main stores; a longer one is refused. */
export const CONVERSATION_TITLE_MAX = 300;

/**
 * A title as typed into a rename field: trimmed and cut to the stored maximum (in UTF-16 units,
 * as the contract counts, without splitting a surrogate pair), or null when nothing is left (the
 * old title stays).
 */
export function normaliseTitle(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.length <= CONVERSATION_TITLE_MAX) return trimmed;
  let cut = '';
  for (const point of trimmed) {
    if (cut.length + point.length > CONVERSATION_TITLE_MAX) break;
    cut += point;
  }
  return cut.trimEnd();
}

/** How long a deleted conversation stays in the trash before it is deleted for good. */
export const TRASH_RETENTION_DAYS = 30;
export const TRASH_RETENTION_MS = TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000;

/** A 1 MB paste must work; 8 MB leaves room for UTF-16 and several pastes. */
export const MESSAGE_TEXT_MAX = 8 * 1024 * 1024;

/** How much one answer may hold and how long it may run before Fleece stops it. */
export const DEFAULT_ANSWER_LIMIT_MB = 4;
/**
 * An answer is stored as a message, so it may not outgrow what a message may hold: a larger
 * setting would let a relay write what Fleece refuses to send back (edit, continue, import).
 */
export const ANSWER_LIMIT_MB_MAX = MESSAGE_TEXT_MAX / (1024 * 1024);
export const DEFAULT_ANSWER_LIMIT_MINUTES = 30;
export const ANSWER_LIMIT_MINUTES_MAX = 240;

/** Most pinned and recent models kept; the picker shows them above the profiles' lists. */
export const MAX_PINNED_MODELS = 30;
export const MAX_RECENT_MODELS = 8;

/** Bounds a saved prompt is checked against (the form, the service and an imported file). */
export const PROMPT_NAME_MAX = 120;
export const PROMPT_TEXT_MAX = 100_000;
export const PROMPTS_MAX = 1_000;

/**
 * A window's frames, as it reports them to main while answers stream: from 240 a second to 10 a
 * second. A window drawing slower than that is not worth keeping step with.
 */
export const FRAME_INTERVAL_MIN_MS = 4;
export const FRAME_INTERVAL_MAX_MS = 100;
