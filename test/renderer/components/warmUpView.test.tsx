import { afterEach, describe, expect, it, vi } from 'vitest';

type Idle = { callback: IdleRequestCallback; options: IdleRequestOptions | undefined };

/** An idle period of `ms` milliseconds, as the browser hands it to a callback. */
function deadline(ms: number): IdleDeadline {
  return { didTimeout: false, timeRemaining: () => ms };
}

/** A fresh copy of the module (it runs once per app), with idle callbacks held for the test. */
async function load() {
  vi.resetModules();
  const idle: Idle[] = [];
  vi.stubGlobal(
    'requestIdleCallback',
    (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
      idle.push({ callback, options });
      return idle.length;
    },
  );
  const { warmUpConversationView } =
    await import('../../../src/renderer/src/components/chat/warmUpView');
  const { renderProbe } = await import('../../../src/renderer/src/markdown/renderProbe');
  const { markdownRenderer } = await import('../../../src/renderer/src/markdown/LazyMarkdown');
  await markdownRenderer.load();
  const { createI18n } = await import('../../../src/renderer/src/i18n');
  return { warmUpConversationView, renderProbe, idle, i18n: createI18n('en') };
}

/** Lets the Markdown chunk's promise settle, so the module asks for its idle period. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('warmUpConversationView', () => {
  it('renders a sample conversation in an idle period, into nothing the document holds', async () => {
    const { warmUpConversationView, renderProbe, idle, i18n } = await load();
    const complaints = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    const shown: string[] = [];
    renderProbe.onMarkdown = (text) => shown.push(text);
    const calls = vi.fn();
    vi.stubGlobal('fleece', { invoke: calls, on: calls });
    try {
      warmUpConversationView(i18n);
      // Nothing before the app is idle, not even the Markdown chunk's request.
      expect(idle).toHaveLength(1);
      idle[0]?.callback(deadline(50));
      await settle();
      expect(idle).toHaveLength(2);
      expect(shown).toEqual([]);

      // Too short an idle period: it waits for another instead of running into the user's input.
      idle[1]?.callback(deadline(10));
      expect(shown).toEqual([]);
      expect(idle).toHaveLength(3);

      // The elements the sample is rendered into, looked at before it is taken down.
      const made: HTMLElement[] = [];
      const create = document.createElement.bind(document);
      const creating = vi
        .spyOn(document, 'createElement')
        .mockImplementation((tag: string, options?: ElementCreationOptions) => {
          const el = create(tag, options);
          made.push(el);
          return el;
        });
      idle[2]?.callback(deadline(50));
      creating.mockRestore();
      // The context meter shows its figure (its code runs, not only the empty case).
      const meters = made.flatMap((el) => [
        ...el.querySelectorAll<HTMLElement>('[data-testid="context-meter"]'),
      ]);
      expect(meters).toHaveLength(1);
      expect(meters[0]?.textContent).toMatch(/\d.* \/ \d/);
      // Both answers of the sample went through Markdown, and none of it is in the page.
      expect(shown.filter((text) => text.startsWith('### Steps'))).toHaveLength(2);
      // One in ASCII, one with characters past Latin-1 (Vietnamese, Chinese): V8 compiles the
      // splitter's regular expressions once for each kind of text.
      expect(shown.filter((text) => /^[\n\x20-\xff]*$/.test(text))).toHaveLength(1);
      expect(
        shown.filter((text) => /[\u1ea0-\u1ef9]/.test(text) && /[\u4e00-\u9fff]/.test(text)),
      ).toHaveLength(1);
      expect(document.querySelectorAll('[data-testid="message"]')).toHaveLength(0);
      expect(document.body.textContent).not.toContain('Steps');
      // The faces an answer is set in are laid out once, hidden, then taken out again.
      const probe = document.querySelector<HTMLElement>('body > [aria-hidden="true"]');
      expect(probe?.style.visibility).toBe('hidden');
      expect(probe?.textContent).toContain('估算费用');
      await vi.waitFor(() => expect(probe?.isConnected).toBe(false));
      expect(calls).not.toHaveBeenCalled();
      // Rendered as the app renders it (its providers present): nothing failed or complained.
      for (const spy of complaints) expect(spy).not.toHaveBeenCalled();
    } finally {
      renderProbe.onMarkdown = null;
      for (const spy of complaints) spy.mockRestore();
    }
  });

  it('renders the sample again in three more idle periods, then stops', async () => {
    const { warmUpConversationView, renderProbe, idle, i18n } = await load();
    const shown: string[] = [];
    renderProbe.onMarkdown = (text) => shown.push(text);
    const probes = vi.spyOn(document.body, 'appendChild');
    try {
      warmUpConversationView(i18n);
      idle[0]?.callback(deadline(50));
      await settle();
      // The warm-up asks for its next idle period with the same callback (the views it renders
      // ask for their own, for the highlighter).
      const attempt = idle[1]?.callback;
      const asked = () => idle.filter((i) => i.callback === attempt);
      for (let pass = 1; pass <= 4; pass++) {
        expect(asked()).toHaveLength(pass);
        asked()[pass - 1]?.callback(deadline(50));
      }
      // Both answers went through Markdown in every pass; the type probe was laid out once.
      expect(shown.filter((text) => text.startsWith('### Steps'))).toHaveLength(4 * 2);
      expect(asked()).toHaveLength(4);
      expect(probes).toHaveBeenCalledTimes(1);
    } finally {
      renderProbe.onMarkdown = null;
      probes.mockRestore();
    }
  });

  it('runs once however often it is asked', async () => {
    const { warmUpConversationView, idle, i18n } = await load();
    warmUpConversationView(i18n);
    warmUpConversationView(i18n);
    await settle();
    expect(idle).toHaveLength(1);
  });

  it('does nothing where there are no idle periods', async () => {
    vi.resetModules();
    vi.stubGlobal('requestIdleCallback', undefined);
    const { warmUpConversationView } =
      await import('../../../src/renderer/src/components/chat/warmUpView');
    const { createI18n } = await import('../../../src/renderer/src/i18n');
    expect(() => warmUpConversationView(createI18n('en'))).not.toThrow();
  });
});

describe('warmUpConversationViewWhenIdle', () => {
  it('in an idle period, brings in the message list for the chat view before the sample', async () => {
    vi.resetModules();
    const idle: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
    const { conversationView, warmUpConversationViewWhenIdle } =
      await import('../../../src/renderer/src/components/chat/lazyMessageList');
    const { createI18n } = await import('../../../src/renderer/src/i18n');
    warmUpConversationViewWhenIdle(createI18n('en'));
    await settle();
    // Nothing before the idle period.
    expect(conversationView.current()).toBeUndefined();
    expect(idle).toHaveLength(1);
    idle[0]!(deadline(50));
    await vi.waitFor(() => expect(conversationView.current()?.MessageList).toBeTypeOf('function'));
  });
});
