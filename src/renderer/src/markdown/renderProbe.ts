/**
 * Test hooks: when set, called each time a component actually renders (not when memo skips it),
 * so tests can prove that finished blocks and unchanged messages are left alone while an answer
 * streams. Never set in the app.
 */
export const renderProbe: {
  onBlock: ((index: number, source: string) => void) | null;
  onMarkdown: ((text: string) => void) | null;
} = {
  onBlock: null,
  onMarkdown: null,
};
