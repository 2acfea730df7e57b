/**
 * The renderer's Content-Security-Policy: no inline script, no eval, no network at all.
 *
 * Inline styles are allowed for one reason: Mermaid lays a diagram out in the page (it must
 * measure its text) and styles it with a <style> element and style attributes. Styles cannot
 * run script, model output cannot add HTML (Markdown is rendered without raw HTML), and with
 * img-src, font-src and connect-src closed a style cannot reach the network either.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; base-uri 'none'; " +
  "form-action 'none'";

/** The browser harness may open exactly one extra connection: its own loopback WebSocket. */
export function harnessCsp(wsOrigin: string): string {
  return RENDERER_CSP.replace("connect-src 'none'", `connect-src ${wsOrigin}`);
}

/** Vite's dev server injects an inline React-refresh preamble and talks to its HMR websocket. */
export function devRendererCsp(): string {
  return RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'none'",
    'connect-src ws://localhost:* http://localhost:*',
  );
}
