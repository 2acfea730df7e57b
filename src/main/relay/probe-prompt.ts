/**
 * An answer long enough to show how it travels: a buffering proxy forwards blocks of 4–8 KB, so a
 * few hundred bytes fit in one block whatever it does. Sixty numbers cost next to nothing and
 * arrive as dozens of separate reads on a healthy relay.
 */
export const PROBE_PROMPT = 'Count from 1 to 60, separated by spaces. Reply with the numbers only.';
export const PROBE_MAX_TOKENS = 80;
