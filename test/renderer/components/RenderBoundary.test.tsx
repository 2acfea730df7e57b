import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RawFallback, RenderBoundary } from '../../../src/renderer/src/components/RenderBoundary';
import { ScreenBoundary } from '../../../src/renderer/src/components/ScreenBoundary';
import { SafeMessageItem } from '../../../src/renderer/src/components/chat/MessageBoundary';
import { createI18n, loadCatalog } from '../../../src/renderer/src/i18n';
import { renderProbe } from '../../../src/renderer/src/markdown/renderProbe';
import { createAppStore } from '../../../src/renderer/src/store';
import { emptyChatData, loadThread } from '../../../src/renderer/src/store/chatReducers';
import { createFakeClient } from '../fakeClient';
import { makeMessage } from '../messageFixture';
import { renderWithStore } from './renderWithStore';
import { markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';

// Answers render through the Markdown chunk, loaded on demand in the app; load it first here.
await markdownRenderer.load();

// Vietnamese is loaded on demand in the app; load it as the app does before choosing it.
await loadCatalog('vi');

function Thrower({ when }: { when: boolean }): string {
  if (when) throw new Error('renderer exploded');
  return 'rendered fine';
}

afterEach(() => {
  renderProbe.onMarkdown = null;
  vi.restoreAllMocks();
});

describe('RenderBoundary', () => {
  it('shows the raw text and a note instead of the part that threw, and logs the error', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <p>neighbour</p>
        <RenderBoundary
          where="test part"
          fallback={() => <RawFallback note="Shown as written." text={'**raw** <b>text</b>'} />}
        >
          <Thrower when />
        </RenderBoundary>
      </>,
    );
    expect(screen.getByRole('note')).toHaveTextContent('Shown as written.');
    expect(screen.getByText('**raw** <b>text</b>').tagName).toBe('PRE');
    expect(screen.getByText('neighbour')).toBeInTheDocument();
    expect(log).toHaveBeenCalledWith(
      'Rendering the test part failed; showing a plain fallback.',
      expect.objectContaining({ message: 'renderer exploded' }),
      expect.any(String),
    );
  });

  it('tries the children again when its reset key changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ui = (key: string, fail: boolean) => (
      <RenderBoundary where="test part" resetKey={key} fallback={() => <RawFallback note="x" />}>
        <Thrower when={fail} />
      </RenderBoundary>
    );
    const view = render(ui('a', true));
    expect(screen.getByRole('note')).toBeInTheDocument();
    view.rerender(ui('a', false));
    expect(screen.getByRole('note')).toBeInTheDocument();
    view.rerender(ui('b', false));
    expect(screen.getByText('rendered fine')).toBeInTheDocument();
  });
});

describe('trying again', () => {
  it('the fallback button renders the children again, and falls back again if they still fail', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let failing = true;
    const Flaky = () => <Thrower when={failing} />;
    render(
      <RenderBoundary
        where="test part"
        fallback={(_error, retry) => (
          <RawFallback note="Failed." retry={{ label: 'Try again', onRetry: retry }} />
        )}
      >
        <Flaky />
      </RenderBoundary>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('note')).toHaveTextContent('Failed.');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('rendered fine')).toBeInTheDocument();
  });
});

describe('a message that cannot render', () => {
  it('is shown as its raw text with a translated note; the other messages are untouched', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    const bad = makeMessage('bad', { content: 'Broken **answer** with `code`' });
    const good = makeMessage('good', { content: 'A **fine** answer' });
    store.setState({
      chat: loadThread(emptyChatData, 'c1', { messages: [good, bad], hasMore: false }),
    });
    renderProbe.onMarkdown = (text) => {
      if (text.startsWith('Broken')) throw new Error('markdown exploded');
    };
    renderWithStore(
      <>
        <SafeMessageItem id="good" isLast={false} />
        <SafeMessageItem id="bad" isLast />
      </>,
      store,
      client,
    );
    const broken = document.querySelector('[data-message-id="bad"]');
    expect(broken).toHaveAttribute('data-testid', 'message');
    expect(broken?.querySelector('[role="note"]')).toHaveTextContent(
      'This message could not be displayed normally, so its text is shown as written.',
    );
    expect(broken?.querySelector('pre')).toHaveTextContent('Broken **answer** with `code`');
    expect(document.querySelector('[data-message-id="good"] strong')).toHaveTextContent('fine');
  });

  it('is formatted again by its Try again button once rendering works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    const message = makeMessage('m1', { content: 'Now **bold**' });
    store.setState({
      chat: loadThread(emptyChatData, 'c1', { messages: [message], hasMore: false }),
    });
    let failing = true;
    renderProbe.onMarkdown = () => {
      if (failing) throw new Error('markdown exploded');
    };
    renderWithStore(<SafeMessageItem id="m1" isLast />, store, client);
    expect(document.querySelector('[data-message-id="m1"] pre')).toHaveTextContent('Now **bold**');
    failing = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(document.querySelector('[data-message-id="m1"] strong')).toHaveTextContent('bold');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('a screen that cannot render', () => {
  it('says so in the UI language with the error text, and the next screen renders', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const i18n = createI18n('vi');
    const ui = (screenName: string, fail: boolean) => (
      <I18nextProvider i18n={i18n}>
        <ScreenBoundary screen={screenName}>
          <Thrower when={fail} />
        </ScreenBoundary>
      </I18nextProvider>
    );
    const view = render(ui('usage', true));
    expect(screen.getByRole('alert')).toHaveTextContent('Không thể hiển thị màn hình này.');
    expect(screen.getByText('renderer exploded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
    act(() => view.rerender(ui('chat', false)));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('rendered fine')).toBeInTheDocument();
  });
});
