import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, loadCatalog } from '../../../src/renderer/src/i18n';
import { chunkFailure } from '../../../src/renderer/src/lazyModule';

// The conversation view's code, refused until a test lets it arrive (as a file missing from the
// app, then back).
const view = vi.hoisted(() => ({ refused: true, requests: 0 }));
vi.mock('../../../src/renderer/src/components/chat/MessageList', () => {
  view.requests += 1;
  if (view.refused) throw new TypeError('Failed to fetch dynamically imported module');
  return {
    MessageList: ({ conversationId }: { conversationId: string }) => <p>{conversationId}</p>,
  };
});

const { LazyMessageList, conversationView } =
  await import('../../../src/renderer/src/components/chat/lazyMessageList');

afterEach(() => {
  chunkFailure.recovered(conversationView);
  vi.restoreAllMocks();
});

describe('the conversation view whose code did not arrive', () => {
  it('says so in its place, in the window language, and Try again fetches it again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await loadCatalog('vi');
    const { rerender } = render(
      <I18nextProvider i18n={createI18n('vi')}>
        <LazyMessageList conversationId="c1" />
      </I18nextProvider>,
    );
    // While it is asked for: the thread's skeleton.
    expect(screen.getByRole('status')).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không hiển thị được cuộc trò chuyện này');
    expect(alert.textContent).toContain('Tin nhắn của bạn vẫn an toàn');
    expect(chunkFailure.failed()).toBe(true);
    const asked = view.requests;

    // Opening another conversation asks for it again (still refused here).
    rerender(
      <I18nextProvider i18n={createI18n('vi')}>
        <LazyMessageList conversationId="c2" />
      </I18nextProvider>,
    );
    await screen.findByRole('alert');
    expect(view.requests).toBe(asked + 1);

    view.refused = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
      await conversationView.load();
    });
    expect(screen.getByText('c2')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(chunkFailure.failed()).toBe(false);
  });
});
